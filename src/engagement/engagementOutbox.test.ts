import type { EngagementRecord } from '../../serverless/src/engagement/engagement-contract';
import { BackendError, NETWORK_ERROR_CODE } from '../backend/FunctionsClient';
import { EngagementOutbox, OUTBOX_CAPACITY } from './engagementOutbox';

const record = (n: number, event: EngagementRecord['event'] = 'initiated'): EngagementRecord => ({
  taskSid: `WT${String(n).padStart(32, '0')}`,
  event,
  occurredAt: new Date(1_700_000_000_000 + n * 1000).toISOString(),
});

/** A backend the test switches between answering and not, recording what it was sent. */
function scriptedBackend() {
  const sent: EngagementRecord[] = [];
  let answer: 'ok' | 'down' | 'refuse' = 'ok';
  return {
    sent,
    set: (next: typeof answer) => void (answer = next),
    send: async (item: EngagementRecord) => {
      if (answer === 'down') throw new BackendError(NETWORK_ERROR_CODE, 'The profile service could not be reached.');
      if (answer === 'refuse') throw new BackendError('not_your_task', 'not yours', 403);
      sent.push(item);
      return { sent: true };
    },
  };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

beforeEach(() => {
  window.localStorage.clear();
  jest.useRealTimers();
});

it('sends each moment once, however often it is added', async () => {
  const backend = scriptedBackend();
  const outbox = new EngagementOutbox(backend.send);
  expect(outbox.add(record(1))).toBe(true);
  await settle();
  expect(outbox.add(record(1))).toBe(false);
  // Another tab, or the page after a reload, reads the same outbox.
  expect(new EngagementOutbox(backend.send).add(record(1))).toBe(false);
  await settle();
  expect(backend.sent.map((item) => item.taskSid)).toEqual([record(1).taskSid]);
});

it('keeps what the backend could not take across a reload, and replays it oldest first when it answers', async () => {
  const backend = scriptedBackend();
  backend.set('down');
  const before = new EngagementOutbox(backend.send);
  for (const n of [1, 2, 3]) before.add(record(n));
  await settle();
  expect(before.status()).toMatchObject({ waiting: 3, retrying: true });
  expect(backend.sent).toEqual([]);

  backend.set('ok');
  const afterReload = new EngagementOutbox(backend.send);
  await afterReload.flush();
  expect(backend.sent.map((item) => item.taskSid)).toEqual([1, 2, 3].map((n) => record(n).taskSid));
  expect(afterReload.status()).toMatchObject({ waiting: 0, refused: 0 });
});

it('retries by itself after a failed send', async () => {
  jest.useFakeTimers();
  const backend = scriptedBackend();
  backend.set('down');
  const outbox = new EngagementOutbox(backend.send);
  outbox.add(record(1));
  await Promise.resolve();
  backend.set('ok');
  await jest.advanceTimersByTimeAsync(5_000);
  expect(backend.sent).toHaveLength(1);
  expect(outbox.status().retrying).toBe(false);
});

it('drops an event the backend refuses for good, and goes on with the next', async () => {
  const backend = scriptedBackend();
  backend.set('refuse');
  const outbox = new EngagementOutbox(backend.send);
  outbox.add(record(1));
  await settle();
  backend.set('ok');
  outbox.add(record(2));
  await settle();
  expect(backend.sent.map((item) => item.taskSid)).toEqual([record(2).taskSid]);
  expect(outbox.status().waiting).toBe(0);
});

it('says when it is full, keeps the oldest, and counts what it could not keep', async () => {
  const backend = scriptedBackend();
  backend.set('down');
  const outbox = new EngagementOutbox(backend.send);
  for (let n = 1; n <= OUTBOX_CAPACITY + 2; n += 1) outbox.add(record(n));
  await settle();
  expect(outbox.status()).toMatchObject({ waiting: OUTBOX_CAPACITY, refused: 2, full: true });

  backend.set('ok');
  await outbox.flush();
  expect(backend.sent[0].taskSid).toBe(record(1).taskSid);
  expect(backend.sent).toHaveLength(OUTBOX_CAPACITY);
  expect(outbox.status()).toMatchObject({ waiting: 0, refused: 0, full: false });
});

it('tells its listeners when what waits changes', async () => {
  const backend = scriptedBackend();
  const outbox = new EngagementOutbox(backend.send);
  const seen: number[] = [];
  const stop = outbox.subscribe(() => seen.push(outbox.status().waiting));
  outbox.add(record(1));
  await settle();
  stop();
  outbox.add(record(2));
  await settle();
  expect(seen).toEqual([1, 0]);
});
