import { createSlice, PayloadAction } from '@reduxjs/toolkit';

import type {
  UnifyCheckResult,
  UnifyConfigResponse,
  UnifySetupStepId,
  UnifySetupStepState,
} from '../../serverless/src/config/unify-contract';
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

/** The Unify view's two settings forms: the connection to Segment, and what agents see in the Customer tab. */
export type UnifySettingsForm = 'connection' | 'agentView';

export interface UnifyState {
  load: { status: 'idle' | 'loading' | 'loaded' | 'failed'; error?: UnifyFailure };
  /** The settings as the Functions last answered them (secrets only as set or not). */
  config: UnifyConfigResponse | null;
  save: {
    status: 'idle' | 'saving' | 'saved' | 'failed' | 'conflict';
    /** Which form saved, so its own banner says how it went. */
    form?: UnifySettingsForm;
    error?: UnifyFailure;
    /** Field name → what is wrong with it, as the Functions judged it. */
    fieldErrors?: Record<string, string>;
    conflict?: UnifyConflict;
  };
  check: { status: 'idle' | 'checking' | 'done' | 'failed'; error?: UnifyFailure };
  /** The last setup-checklist tick that could not be saved (the box went back), if any. */
  checklist: { status: 'idle' | 'failed'; error?: UnifyFailure };
}

/** A tick shown at once, before the Functions answer: the step as it was, to go back to on failure. */
interface StepTick {
  stepId: UnifySetupStepId;
  done: boolean;
  previous?: UnifySetupStepState;
}

const initialState: UnifyState = {
  load: { status: 'idle' },
  config: null,
  save: { status: 'idle' },
  check: { status: 'idle' },
  checklist: { status: 'idle' },
};

function setStep(state: UnifyState, stepId: UnifySetupStepId, step: UnifySetupStepState | undefined) {
  if (!state.config) return;
  const steps = { ...state.config.setupChecklist?.steps };
  if (step) steps[stepId] = step;
  else delete steps[stepId];
  state.config.setupChecklist = { steps };
}

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
    saveStarted(state, action: PayloadAction<UnifySettingsForm>) {
      state.save = { status: 'saving', form: action.payload };
    },
    saveSucceeded(state, action: PayloadAction<{ config: UnifyConfigResponse; form: UnifySettingsForm }>) {
      state.config = action.payload.config;
      state.save = { status: 'saved', form: action.payload.form };
    },
    saveFailed(
      state,
      action: PayloadAction<UnifyFailure & { fieldErrors?: Record<string, string>; form: UnifySettingsForm }>,
    ) {
      const { fieldErrors, form, ...error } = action.payload;
      state.save = { status: 'failed', form, error, fieldErrors };
    },
    /** The settings changed under the admin: show what changed, and the settings as they are now. */
    saveConflicted(
      state,
      action: PayloadAction<{ conflict: UnifyConflict; current: UnifyConfigResponse | null; form: UnifySettingsForm }>,
    ) {
      if (action.payload.current) state.config = action.payload.current;
      state.save = { status: 'conflict', form: action.payload.form, conflict: action.payload.conflict };
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
    /** The box shows the tick at once; who and when come with the answer. */
    stepTickStarted(state, action: PayloadAction<StepTick>) {
      const { stepId, done, previous } = action.payload;
      state.checklist = { status: 'idle' };
      setStep(state, stepId, { done, by: previous?.by ?? '', at: previous?.at ?? '' });
    },
    /**
     * Only this step and the audit trail are taken from the answer: the connection form keeps its
     * revision and what the admin is typing (a tick is progress, not a settings save).
     */
    stepTickSaved(state, action: PayloadAction<{ stepId: UnifySetupStepId; config: UnifyConfigResponse }>) {
      const { stepId, config } = action.payload;
      setStep(state, stepId, config.setupChecklist?.steps[stepId]);
      if (state.config) state.config.audit = config.audit;
    },
    stepTickFailed(state, action: PayloadAction<StepTick & { error: UnifyFailure }>) {
      const { stepId, previous, error } = action.payload;
      setStep(state, stepId, previous);
      state.checklist = { status: 'failed', error };
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
  stepTickStarted,
  stepTickSaved,
  stepTickFailed,
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
