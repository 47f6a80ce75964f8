import type { UnifyCheckResult } from '../config/unify-contract';
import { applyChange, changedFields, changesSince, type SecretSealer } from './config-changes';
import { EMPTY_CONFIG, readConfigDocument } from './config-document';

const box: SecretSealer = {
  seal: (_field, secret) => ({ sealed: `sealed:${secret}` }) as never,
  tryOpen: () => undefined,
};

const passed: UnifyCheckResult = {
  status: 'passed',
  code: 'ok',
  steps: [],
  checkedAt: '2026-11-29T10:00:00Z',
  checkedBy: 'admin',
  ms: 12,
};

describe('a saved change and the last check', () => {
  it('forgets a check once a setting Segment sees has changed: it measured the old settings', () => {
    const checked = { ...EMPTY_CONFIG, lastCheck: passed };
    const next = applyChange(checked, { revision: null, spaceId: 'spa_new' }, ['spaceId'], 'admin', new Date(), box);
    expect(next.lastCheck).toBeNull();
    expect(next.spaceId).toBe('spa_new');
  });

  it('keeps the check when only the workspace slug (a label for links) changed', () => {
    const checked = { ...EMPTY_CONFIG, lastCheck: passed };
    const next = applyChange(
      checked,
      { revision: null, workspaceSlug: 'acme' },
      ['workspaceSlug'],
      'admin',
      new Date(),
      box,
    );
    expect(next.lastCheck).toEqual(passed);
  });
});

describe('a saved identifier priority', () => {
  const saved = { ...EMPTY_CONFIG, identifierPriority: ['email', 'phone', 'user_id'] };
  const change = (identifierPriority: string[] | null) => ({ revision: null, identifierPriority });

  it('is a change when the order or the entries differ, compared by value', () => {
    expect(changedFields(saved, change(['email', 'phone', 'user_id']), box)).toEqual([]);
    expect(changedFields(saved, change(['phone', 'email', 'user_id']), box)).toEqual(['identifierPriority']);
    expect(changedFields(saved, change(['email', 'phone']), box)).toEqual(['identifierPriority']);
    expect(changedFields(saved, change(null), box)).toEqual(['identifierPriority']);
    expect(changedFields(EMPTY_CONFIG, change(null), box)).toEqual([]);
    expect(changedFields(EMPTY_CONFIG, change(['email']), box)).toEqual(['identifierPriority']);
  });

  it('is saved with an audit entry, and forgets the last check: /profile now matches differently', () => {
    const checked = { ...saved, lastCheck: passed };
    const next = applyChange(checked, change(['phone', 'email']), ['identifierPriority'], 'admin', new Date(), box);
    expect(next.identifierPriority).toEqual(['phone', 'email']);
    expect(next.lastCheck).toBeNull();
    expect(next.audit[0]).toMatchObject({ by: 'admin', fields: ['identifierPriority'], revision: 1 });
  });

  it('is cleared by null, back to the environment’s order', () => {
    const next = applyChange(saved, change(null), ['identifierPriority'], 'admin', new Date(), box);
    expect(next.identifierPriority).toBeNull();
  });
});

describe('saved engagement channel exclusions', () => {
  const saved = { ...EMPTY_CONFIG, engagementExcludedChannels: ['sms', 'email'] };
  const change = (engagementExcludedChannels: string[] | null) => ({ revision: null, engagementExcludedChannels });

  it('is a change when the channels differ, in any order the same set is not', () => {
    expect(changedFields(saved, change(['email', 'sms']), box)).toEqual([]);
    expect(changedFields(saved, change(['email']), box)).toEqual(['engagementExcludedChannels']);
    expect(changedFields(saved, change(['email', 'web']), box)).toEqual(['engagementExcludedChannels']);
    expect(changedFields(saved, change([]), box)).toEqual(['engagementExcludedChannels']);
    expect(changedFields(saved, change(null), box)).toEqual(['engagementExcludedChannels']);
    expect(changedFields(EMPTY_CONFIG, change(null), box)).toEqual([]);
    // An empty list is a choice (send every channel), not the same as the environment's list.
    expect(changedFields(EMPTY_CONFIG, change([]), box)).toEqual(['engagementExcludedChannels']);
  });

  it('is saved with an audit entry and keeps the last check: what is sent changed, not the connection', () => {
    const checked = { ...saved, lastCheck: passed };
    const next = applyChange(checked, change([]), ['engagementExcludedChannels'], 'admin', new Date(), box);
    expect(next.engagementExcludedChannels).toEqual([]);
    expect(next.lastCheck).toEqual(passed);
    expect(next.audit[0]).toMatchObject({ by: 'admin', fields: ['engagementExcludedChannels'], revision: 1 });
  });

  it('reads a document saved before the setting existed, or damaged by hand, as not set', () => {
    const older = { schema: 1, settingsRevision: 4, spaceId: 'spa_1', audit: [] };
    expect(readConfigDocument(older)).toMatchObject({ spaceId: 'spa_1', engagementExcludedChannels: null });
    expect(readConfigDocument({ ...older, engagementExcludedChannels: ['SMS'] }).engagementExcludedChannels).toBeNull();
    expect(readConfigDocument({ ...older, engagementExcludedChannels: [] }).engagementExcludedChannels).toEqual([]);
  });
});

describe('the setup checklist', () => {
  const at = new Date('2026-12-01T09:00:00Z');
  const ticks = (steps: Record<string, { done: boolean }>) => ({ setupChecklist: { steps } });
  const saved = { ...EMPTY_CONFIG, settingsRevision: 3, lastCheck: passed };

  it('is a change only for a step whose state differs (never ticked reads as not done)', () => {
    expect(changedFields(saved, ticks({ data_source: { done: false } }), box)).toEqual([]);
    expect(changedFields(saved, ticks({ data_source: { done: true } }), box)).toEqual(['setupChecklist']);
  });

  it('records who and when, keeps the check and the settings revision, and names the step in the audit', () => {
    const next = applyChange(saved, ticks({ identity: { done: true } }), ['setupChecklist'], 'ana@acme.com', at, box);
    expect(next.setupChecklist.steps).toEqual({ identity: { done: true, by: 'ana@acme.com', at: at.toISOString() } });
    expect(next.lastCheck).toEqual(passed);
    expect(next.settingsRevision).toBe(3);
    expect(next.audit[0]).toEqual({
      at: at.toISOString(),
      by: 'ana@acme.com',
      fields: ['setupChecklist.identity'],
      revision: 3,
    });
  });

  it('is left out of what a conflict says changed, and of who changed it', () => {
    const changed = applyChange(saved, { revision: '3', region: 'eu' }, ['region'], 'sam', at, box);
    const ticked = applyChange(changed, ticks({ data_source: { done: true } }), ['setupChecklist'], 'ana', at, box);
    expect(changesSince(ticked, '3')).toEqual({
      changedFields: ['region'],
      changedBy: 'sam',
      changedAt: at.toISOString(),
    });
  });

  it('reads a document saved before the checklist existed as nothing ticked, and drops unknown or damaged steps', () => {
    const older = { schema: 1, settingsRevision: 4, audit: [] };
    expect(readConfigDocument(older).setupChecklist).toEqual({ steps: {} });
    const step = { done: true, by: 'ana', at: at.toISOString() };
    const damaged = {
      ...older,
      setupChecklist: { steps: { data_source: step, pricing: step, identity: { done: 'y' } } },
    };
    expect(readConfigDocument(damaged).setupChecklist).toEqual({ steps: { data_source: step } });
  });
});
