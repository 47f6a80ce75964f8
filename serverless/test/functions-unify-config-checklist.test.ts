import { saveAs, startConfigStoreStack, unifyConfig, type ConfigStoreStack } from './support/config-store';
import { silenceFunctionLogs, SIM_PROFILE_TOKEN, SIM_SPACE_ID, type TestFunctions } from './support/stack';

/**
 * /unify-config over HTTP, the setup checklist: admins tick the guided setup's steps, supervisors
 * read them; known step ids only; audited by step; a tick keeps the last check, needs no revision,
 * never conflicts and moves no revision (so no other admin's connection form goes stale).
 */
silenceFunctionLogs();

let stack: ConfigStoreStack;
let functions: TestFunctions;

const tick = (steps: Record<string, unknown>, Token = 'sandbox-admin', extra: Record<string, unknown> = {}) =>
  unifyConfig(functions, Token, { setupChecklist: { steps }, ...extra });

beforeAll(async () => {
  stack = await startConfigStoreStack();
  functions = await stack.startFunctions({
    SEGMENT_SPACE_ID: SIM_SPACE_ID,
    SEGMENT_PROFILE_API_TOKEN: SIM_PROFILE_TOKEN,
  });
});
afterAll(() => stack?.close());

describe('ticking setup steps', () => {
  it('starts with nothing ticked, for supervisors and admins alike', async () => {
    for (const Token of ['sandbox-supervisor', 'sandbox-admin']) {
      expect((await unifyConfig(functions, Token)).body.setupChecklist).toEqual({ steps: {} });
    }
  });

  it('saves an admin’s tick with who and when, audited by step, with no revision sent and none moved', async () => {
    const before = Date.now();
    const answer = await tick({ data_source: { done: true } });
    expect(answer.status).toBe(200);
    expect(answer.body.setupChecklist).toEqual({
      steps: { data_source: { done: true, by: 'sandbox-admin', at: expect.any(String) } },
    });
    expect(Date.parse(answer.body.setupChecklist.steps.data_source.at)).toBeGreaterThanOrEqual(before - 1000);
    expect(answer.body.revision).toBeNull(); // progress, not a settings save
    expect(answer.body.audit[0]).toEqual({
      at: answer.body.setupChecklist.steps.data_source.at,
      by: 'sandbox-admin',
      fields: ['setupChecklist.data_source'],
    });
    const supervisor = await unifyConfig(functions, 'sandbox-supervisor');
    expect(supervisor.body.setupChecklist).toEqual(answer.body.setupChecklist);
  });

  it('changes only the steps sent, records unticking, and treats a step sent as it is as no change', async () => {
    const two = await tick({ connections: { done: true }, identity: { done: true } });
    expect(Object.keys(two.body.setupChecklist.steps)).toEqual(['data_source', 'connections', 'identity']);
    expect(two.body.audit[0].fields).toEqual(['setupChecklist.connections', 'setupChecklist.identity']);

    const untick = await tick({ identity: { done: false } });
    expect(untick.body.setupChecklist.steps.identity).toEqual({
      done: false,
      by: 'sandbox-admin',
      at: expect.any(String),
    });
    expect(untick.body.setupChecklist.steps.data_source.done).toBe(true);
    expect(untick.body.audit[0].fields).toEqual(['setupChecklist.identity']);

    const same = await tick({ data_source: { done: true }, identity: { done: false } });
    expect(same.status).toBe(200);
    expect(same.body.audit).toEqual(untick.body.audit);
  });

  it('keeps the last connection check: a tick changes nothing Segment sees', async () => {
    const checked = await functions.call('/unify-check', { Token: 'sandbox-admin' });
    expect(checked.status).toBe(200);
    const lastCheck = (await unifyConfig(functions, 'sandbox-admin')).body.lastCheck;
    expect(lastCheck).toMatchObject({ checkedBy: 'sandbox-admin' });
    const answer = await tick({ enable_sources: { done: true } });
    expect(answer.body.lastCheck).toEqual(lastCheck);
  });

  it('never conflicts with another admin’s save, and leaves their revision current', async () => {
    const loaded = (await unifyConfig(functions, 'sandbox-admin')).body.revision;
    const other = await saveAs(functions, { revision: loaded, workspaceSlug: 'acme-support' });
    // A tick from the view loaded before that save, stale revision and all: saved, no 409.
    const stale = await tick({ connections: { done: false } }, 'sandbox-admin', { revision: loaded });
    expect(stale.status).toBe(200);
    expect(stale.body.revision).toBe(other.revision);
    expect(stale.body.connection.workspaceSlug).toBe('acme-support');
    // The other admin's form, still on their revision, saves without a conflict.
    const next = await unifyConfig(functions, 'sandbox-admin', { revision: other.revision, workspaceSlug: 'acme-two' });
    expect(next.status).toBe(200);
  });

  it('is not named in a conflict: only the settings another admin changed are', async () => {
    const loaded = (await unifyConfig(functions, 'sandbox-admin')).body.revision;
    await saveAs(functions, { revision: loaded, region: 'eu' });
    await tick({ connections: { done: true } }, 'sandbox-admin');
    const conflict = await unifyConfig(functions, 'sandbox-admin', { revision: loaded, workspaceSlug: 'acme-three' });
    expect(conflict.status).toBe(409);
    expect(conflict.body.error.changedFields).toEqual(['region']);
    await saveAs(functions, { revision: conflict.body.current.revision, region: 'us' });
  });

  it('saves nothing of a write that also changes a setting from a stale revision', async () => {
    const before = (await unifyConfig(functions, 'sandbox-admin')).body;
    const answer = await unifyConfig(functions, 'sandbox-admin', {
      revision: String(Number(before.revision) - 1),
      workspaceSlug: 'acme-stale',
      setupChecklist: { steps: { data_source: { done: false } } },
    });
    expect(answer.status).toBe(409);
    expect(answer.body.current.setupChecklist).toEqual(before.setupChecklist);
  });

  it('still asks for the revision when a connection setting comes with the tick', async () => {
    const answer = await unifyConfig(functions, 'sandbox-admin', {
      spaceId: 'spa_other',
      setupChecklist: { steps: { data_source: { done: true } } },
    });
    expect(answer.status).toBe(400);
    expect(answer.body.error.fields).toEqual({ revision: expect.stringMatching(/Send the revision you loaded/) });
  });
});

describe('who may tick', () => {
  it('refuses a supervisor’s tick with 403 and an agent’s with 403, saving nothing', async () => {
    const before = (await unifyConfig(functions, 'sandbox-admin')).body.setupChecklist;
    for (const Token of ['sandbox-supervisor', 'sandbox-agent']) {
      const answer = await tick({ data_source: { done: false } }, Token);
      expect(answer.status).toBe(403);
      expect(answer.body.error.code).toBe('forbidden');
    }
    expect((await unifyConfig(functions, 'sandbox-admin')).body.setupChecklist).toEqual(before);
  });
});

describe('validation', () => {
  it.each([
    [
      'an unknown step id',
      { steps: { step_9: { done: true } } },
      /'step_9' is not a setup step: the step ids are data_source, connections, identity, enable_sources/,
    ],
    [
      'a known and an unknown step',
      { steps: { data_source: { done: true }, pricing: { done: true } } },
      /'pricing' is not a setup step/,
    ],
    ['no step', { steps: {} }, /at least one step/],
    [
      'done as text',
      { steps: { data_source: { done: 'yes' } } },
      /'data_source' must be \{ done: true \} or \{ done: false \}/,
    ],
    ['a step with who and when', { steps: { data_source: { done: true, by: 'someone-else' } } }, /recorded for you/],
    ['a step as a boolean', { steps: { data_source: true } }, /must be \{ done: true \}/],
    ['steps as a list', { steps: ['data_source'] }, /steps must be an object/],
    ['no steps', {}, /Send the steps to tick/],
    ['another key', { steps: { data_source: { done: true } }, lastCheck: null }, /has only steps/],
    ['text', 'data_source', /must be a JSON object/],
  ])(
    'refuses %s with 400 invalid_config naming setupChecklist, saving nothing',
    async (_what, setupChecklist, message) => {
      const before = (await unifyConfig(functions, 'sandbox-admin')).body;
      const answer = await unifyConfig(functions, 'sandbox-admin', { setupChecklist });
      expect(answer.status).toBe(400);
      expect(answer.body.error).toEqual({
        code: 'invalid_config',
        message: expect.stringContaining('setupChecklist'),
        fields: { setupChecklist: expect.stringMatching(message) },
      });
      const after = (await unifyConfig(functions, 'sandbox-admin')).body;
      expect(after.setupChecklist).toEqual(before.setupChecklist);
      expect(after.audit).toEqual(before.audit);
    },
  );
});
