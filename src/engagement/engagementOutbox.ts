import type { EngagementRecord } from '../../serverless/src/engagement/engagement-contract';
import { BackendError, NETWORK_ERROR_CODE, TIMEOUT_ERROR_CODE } from '../backend/FunctionsClient';

/** Where the outbox lives: localStorage, so a reload (or a crash) loses nothing and every tab sees one outbox. */
export const OUTBOX_STORAGE_KEY = 'unified-profiles.engagement-outbox.v1';
/** Events kept while the Functions or Segment do not answer: a day of a busy agent's tasks, twice over. */
export const OUTBOX_CAPACITY = 200;
/** Moments already sent, remembered so a reload or a second tab does not send them again. */
const SENT_MEMORY = 500;
const FIRST_RETRY_MS = 5_000;
const MAX_RETRY_MS = 5 * 60_000;

interface OutboxState {
  pending: EngagementRecord[];
  /** Keys (task sid and moment) sent or settled, newest last. */
  settled: string[];
  /** Events not kept because the outbox was full. */
  refused: number;
}

export interface OutboxStatus {
  waiting: number;
  refused: number;
  full: boolean;
  /** A send failed and the next try is scheduled: what waits is not just in flight. */
  retrying: boolean;
}

export type SendEngagement = (record: EngagementRecord) => Promise<unknown>;

export const engagementKey = (record: Pick<EngagementRecord, 'taskSid' | 'event'>) =>
  `${record.taskSid}:${record.event}`;

/** Worth sending again later: no answer, or the Functions/Segment busy or down. Anything else is final. */
function isRetryable(error: unknown): boolean {
  if (!(error instanceof BackendError)) return true;
  if (error.code === NETWORK_ERROR_CODE || error.code === TIMEOUT_ERROR_CODE) return true;
  return error.status === undefined || error.status === 429 || error.status >= 500;
}

function emptyState(): OutboxState {
  return { pending: [], settled: [], refused: 0 };
}

/**
 * The browser's outbox of engagement events: bounded, persistent, sent oldest first, one at a time.
 * An event is kept until the Functions answer for it — sent, or refused for good (not the agent's
 * task, no space connected…) — and retried with a growing delay when they or Segment do not answer.
 * Each moment of a task is queued once: the Functions give it a messageId of its own, so even if two
 * tabs send it, Segment counts it once.
 */
export class EngagementOutbox {
  private sending = false;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryDelayMs = FIRST_RETRY_MS;
  private retrying = false;
  private readonly listeners = new Set<() => void>();

  constructor(
    private readonly send: SendEngagement,
    private readonly storage: Storage = window.localStorage,
  ) {}

  /** Queues the moment unless it is already queued or sent; false when it was not kept (duplicate or full). */
  add(record: EngagementRecord): boolean {
    const state = this.read();
    const key = engagementKey(record);
    if (state.settled.includes(key) || state.pending.some((queued) => engagementKey(queued) === key)) return false;
    if (state.pending.length >= OUTBOX_CAPACITY) {
      this.write({ ...state, refused: state.refused + 1 });
      return false;
    }
    this.write({ ...state, pending: [...state.pending, record] });
    void this.flush();
    return true;
  }

  has(key: string): boolean {
    const state = this.read();
    return state.settled.includes(key) || state.pending.some((queued) => engagementKey(queued) === key);
  }

  status(): OutboxStatus {
    const { pending, refused } = this.read();
    return { waiting: pending.length, refused, full: pending.length >= OUTBOX_CAPACITY, retrying: this.retrying };
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Sends what waits, oldest first; stops at the first event that must wait, and tries again later. */
  async flush(): Promise<void> {
    if (this.sending) return;
    this.sending = true;
    clearTimeout(this.retryTimer);
    try {
      const settled = new Set<string>();
      for (let next = this.read().pending[0]; next; next = this.read().pending[0]) {
        // Storage that refuses writes would hand back the same event forever.
        if (settled.has(engagementKey(next))) return;
        settled.add(engagementKey(next));
        try {
          await this.send(next);
        } catch (error) {
          if (isRetryable(error)) {
            this.retryLater();
            return;
          }
        }
        this.retrying = false;
        this.retryDelayMs = FIRST_RETRY_MS;
        this.settle(engagementKey(next));
      }
    } finally {
      this.sending = false;
    }
  }

  private retryLater(): void {
    this.retryTimer = setTimeout(() => void this.flush(), this.retryDelayMs);
    this.retryDelayMs = Math.min(MAX_RETRY_MS, this.retryDelayMs * 2);
    this.retrying = true;
    this.notify();
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private settle(key: string): void {
    const state = this.read();
    const pending = state.pending.filter((queued) => engagementKey(queued) !== key);
    this.write({
      pending,
      settled: [...state.settled.filter((known) => known !== key), key].slice(-SENT_MEMORY),
      // Said until the outbox has caught up: then it starts over.
      refused: pending.length === 0 ? 0 : state.refused,
    });
  }

  private read(): OutboxState {
    try {
      const parsed = JSON.parse(this.storage.getItem(OUTBOX_STORAGE_KEY) ?? 'null') as Partial<OutboxState> | null;
      if (!parsed || !Array.isArray(parsed.pending) || !Array.isArray(parsed.settled)) return emptyState();
      return { pending: parsed.pending, settled: parsed.settled, refused: Number(parsed.refused) || 0 };
    } catch {
      return emptyState();
    }
  }

  private write(state: OutboxState): void {
    try {
      this.storage.setItem(OUTBOX_STORAGE_KEY, JSON.stringify(state));
    } catch {
      // Storage full or blocked: the event is lost with the page, as it would be without an outbox.
    }
    this.notify();
  }
}
