import { configureStore } from '@reduxjs/toolkit';

import type { UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import {
  checkFinished,
  configLoaded,
  connectionStanding,
  saveConflicted,
  saveFailed,
  saveStarted,
  selectUnify,
} from './unifySlice';

const config = (overrides: Partial<UnifyConfigResponse> = {}): UnifyConfigResponse => ({
  connection: {
    workspaceSlug: null,
    spaceId: 'spa_1',
    region: 'us',
    profileApiUrl: 'https://profiles.segment.com',
    profileApiToken: { set: true, last4: 'abcd', source: 'environment' },
    writeKey: { set: false, last4: null, source: null },
    identifierPriority: ['user_id', 'email', 'phone'],
    engagementExcludedChannels: [],
  },
  revision: null,
  missing: [],
  audit: [],
  lastCheck: null,
  canEdit: true,
  settingsCacheSeconds: 10,
  ...overrides,
});

const check = (status: 'passed' | 'failed' | 'warning') => ({
  status,
  code: status === 'passed' ? ('ok' as const) : ('token_rejected' as const),
  steps: [],
  checkedAt: '2026-11-29T10:00:00Z',
  checkedBy: 'admin',
  ms: 10,
});

describe('unify slice', () => {
  it('reads the standing from measurements only', () => {
    expect(connectionStanding(config({ missing: ['SEGMENT_SPACE_ID'] }))).toBe('not_connected');
    expect(connectionStanding(config())).toBe('not_checked');
    expect(connectionStanding(config({ lastCheck: check('passed') }))).toBe('ready');
    expect(connectionStanding(config({ lastCheck: check('warning') }))).toBe('warning');
    expect(connectionStanding(config({ lastCheck: check('failed') }))).toBe('failing');
  });

  it('records a check on the loaded settings, and a conflict with the settings as they now are', () => {
    const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
    store.dispatch(configLoaded(config()));
    store.dispatch(checkFinished(check('failed')));
    expect(selectUnify(store.getState()).config?.lastCheck?.status).toBe('failed');

    store.dispatch(saveStarted('connection'));
    store.dispatch(
      saveConflicted({
        conflict: { changedFields: ['spaceId'], changedBy: 'sam', changedAt: 'now' },
        current: config({ revision: '9' }),
        form: 'connection',
      }),
    );
    expect(selectUnify(store.getState())).toMatchObject({
      save: { status: 'conflict', form: 'connection', conflict: { changedBy: 'sam' } },
      config: { revision: '9' },
    });

    // Each answer names its form: another form's save started meanwhile does not take it over.
    store.dispatch(saveStarted('agentView'));
    store.dispatch(
      saveFailed({ code: 'invalid_config', message: 'x', fieldErrors: { spaceId: 'bad' }, form: 'connection' }),
    );
    expect(selectUnify(store.getState()).save).toEqual({
      status: 'failed',
      form: 'connection',
      error: { code: 'invalid_config', message: 'x' },
      fieldErrors: { spaceId: 'bad' },
    });
  });
});
