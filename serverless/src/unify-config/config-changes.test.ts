import type { UnifyCheckResult } from '../config/unify-contract';
import { applyChange, type SecretSealer } from './config-changes';
import { EMPTY_CONFIG } from './config-document';

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
