import { createSlice, PayloadAction } from '@reduxjs/toolkit';

import type { CustomerProfile } from '../../serverless/src/profile/types';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import type { RootStateWithPlugin } from '../shared/pluginState';

export type LookupStatus = 'loading' | 'found' | 'not_found' | 'failed';

/** One task's lookup: where it stands and, once found, which profile it resolved to. */
export interface TaskLookup {
  status: LookupStatus;
  /** The agent's typed search, when the lookup came from one rather than the task's attributes. */
  searchedIdentifier?: string;
  segmentId?: string;
  error?: { code: string; message: string };
}

export interface ProfileState {
  lookupsByTask: Record<string, TaskLookup>;
  /** Keyed by Segment profile id, so two tasks of one customer share one copy. */
  profilesById: Record<string, CustomerProfile>;
}

const initialState: ProfileState = { lookupsByTask: {}, profilesById: {} };

const profileSlice = createSlice({
  name: `${PLUGIN_NAMESPACE}/profile`,
  initialState,
  reducers: {
    lookupStarted(state, action: PayloadAction<{ taskSid: string; searchedIdentifier?: string }>) {
      const { taskSid, searchedIdentifier } = action.payload;
      state.lookupsByTask[taskSid] = { status: 'loading', searchedIdentifier };
    },
    lookupSucceeded(state, action: PayloadAction<{ taskSid: string; profile: CustomerProfile }>) {
      const { taskSid, profile } = action.payload;
      state.profilesById[profile.segmentId] = profile;
      const lookup = state.lookupsByTask[taskSid];
      state.lookupsByTask[taskSid] = { ...lookup, status: 'found', segmentId: profile.segmentId, error: undefined };
    },
    lookupFailed(state, action: PayloadAction<{ taskSid: string; code: string; message: string }>) {
      const { taskSid, code, message } = action.payload;
      const lookup = state.lookupsByTask[taskSid];
      const status: LookupStatus = code === 'profile_not_found' ? 'not_found' : 'failed';
      state.lookupsByTask[taskSid] = { ...lookup, status, segmentId: undefined, error: { code, message } };
    },
    /** A completed task's lookup is dropped; its profile goes once no other task points at it. */
    taskReleased(state, action: PayloadAction<{ taskSid: string }>) {
      const segmentId = state.lookupsByTask[action.payload.taskSid]?.segmentId;
      delete state.lookupsByTask[action.payload.taskSid];
      const stillUsed = Object.values(state.lookupsByTask).some((lookup) => lookup.segmentId === segmentId);
      if (segmentId && !stillUsed) delete state.profilesById[segmentId];
    },
  },
});

export const { lookupStarted, lookupSucceeded, lookupFailed, taskReleased } = profileSlice.actions;
export const profileReducer = profileSlice.reducer;

const selectProfileState = (state: RootStateWithPlugin) => state[PLUGIN_NAMESPACE].profile;

export const selectLookupForTask = (state: RootStateWithPlugin, taskSid: string): TaskLookup | undefined =>
  selectProfileState(state).lookupsByTask[taskSid];

export const selectProfileForTask = (state: RootStateWithPlugin, taskSid: string): CustomerProfile | undefined => {
  const segmentId = selectLookupForTask(state, taskSid)?.segmentId;
  return segmentId ? selectProfileState(state).profilesById[segmentId] : undefined;
};
