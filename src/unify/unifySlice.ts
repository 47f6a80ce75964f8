import { createSlice, PayloadAction } from '@reduxjs/toolkit';

import type { UnifyCheckResult, UnifyConfigResponse } from '../../serverless/src/config/unify-contract';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import type { RootStateWithPlugin } from '../shared/pluginState';

export interface UnifyFailure {
  code: string;
  message: string;
}

/** Another admin saved first: what they changed, so this admin can decide what to keep. */
export interface UnifyConflict {
  changedFields: string[];
  changedBy: string;
  changedAt: string;
}

export interface UnifyState {
  load: { status: 'idle' | 'loading' | 'loaded' | 'failed'; error?: UnifyFailure };
  /** The settings as the Functions last answered them (secrets only as set or not). */
  config: UnifyConfigResponse | null;
  save: {
    status: 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';
    error?: UnifyFailure;
    /** Field name → what is wrong with it, as the Functions judged it. */
    fieldErrors?: Record<string, string>;
    conflict?: UnifyConflict;
  };
  check: { status: 'idle' | 'checking' | 'done' | 'failed'; error?: UnifyFailure };
}

const initialState: UnifyState = {
  load: { status: 'idle' },
  config: null,
  save: { status: 'idle' },
  check: { status: 'idle' },
};

const unifySlice = createSlice({
  name: `${PLUGIN_NAMESPACE}/unify`,
  initialState,
  reducers: {
    configRequested(state) {
      state.load = { status: 'loading' };
    },
    configLoaded(state, action: PayloadAction<UnifyConfigResponse>) {
      state.load = { status: 'loaded' };
      state.config = action.payload;
    },
    configLoadFailed(state, action: PayloadAction<UnifyFailure>) {
      state.load = { status: 'failed', error: action.payload };
    },
    saveStarted(state) {
      state.save = { status: 'saving' };
    },
    saveSucceeded(state, action: PayloadAction<UnifyConfigResponse>) {
      state.config = action.payload;
      state.save = { status: 'saved' };
    },
    saveFailed(state, action: PayloadAction<UnifyFailure & { fieldErrors?: Record<string, string> }>) {
      const { fieldErrors, ...error } = action.payload;
      state.save = { status: 'failed', error, fieldErrors };
    },
    /** The settings changed under the admin: show what changed, and the settings as they are now. */
    saveConflicted(state, action: PayloadAction<{ conflict: UnifyConflict; current: UnifyConfigResponse | null }>) {
      if (action.payload.current) state.config = action.payload.current;
      state.save = { status: 'conflict', conflict: action.payload.conflict };
    },
    checkStarted(state) {
      state.check = { status: 'checking' };
    },
    checkFinished(state, action: PayloadAction<UnifyCheckResult>) {
      state.check = { status: 'done' };
      if (state.config) state.config.lastCheck = action.payload;
    },
    checkFailed(state, action: PayloadAction<UnifyFailure>) {
      state.check = { status: 'failed', error: action.payload };
    },
  },
});

export const {
  configRequested,
  configLoaded,
  configLoadFailed,
  saveStarted,
  saveSucceeded,
  saveFailed,
  saveConflicted,
  checkStarted,
  checkFinished,
  checkFailed,
} = unifySlice.actions;
export const unifyReducer = unifySlice.reducer;

export const selectUnify = (state: RootStateWithPlugin): UnifyState => state[PLUGIN_NAMESPACE].unify;

/** Where the connection stands, as a measurement: "ready" only after a check against Segment passed. */
export type ConnectionStanding = 'not_connected' | 'degraded' | 'not_checked' | 'ready' | 'warning' | 'failing';

export function connectionStanding(config: UnifyConfigResponse): ConnectionStanding {
  if (config.missing.length > 0) return 'not_connected';
  // Lookups failing fast right now outweigh any earlier check: never "Ready" while Segment is down.
  if (config.segmentHealth?.degraded) return 'degraded';
  const check = config.lastCheck;
  if (!check) return 'not_checked';
  if (check.status === 'passed') return 'ready';
  return check.status === 'warning' ? 'warning' : 'failing';
}
