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
  profileKey?: string;
  error?: { code: string; message: string };
}

export interface ProfileState {
  lookupsByTask: Record<string, TaskLookup>;
  /** Keyed by Segment profile id, so two tasks of one customer share one copy. */
  profilesByKey: Record<string, CustomerProfile>;
}

const initialState: ProfileState = { lookupsByTask: {}, profilesByKey: {} };

/** The Segment id when the API revealed it, else the identifier that matched: never a shared empty key. */
const profileKeyOf = (profile: CustomerProfile) =>
  profile.segmentId || `${profile.matchedIdentifier.type}:${profile.matchedIdentifier.value}`;

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
      const profileKey = profileKeyOf(profile);
      state.profilesByKey[profileKey] = profile;
      const lookup = state.lookupsByTask[taskSid];
      state.lookupsByTask[taskSid] = { ...lookup, status: 'found', profileKey, error: undefined };
    },
    lookupFailed(state, action: PayloadAction<{ taskSid: string; code: string; message: string }>) {
      const { taskSid, code, message } = action.payload;
      const lookup = state.lookupsByTask[taskSid];
      const status: LookupStatus = code === 'profile_not_found' ? 'not_found' : 'failed';
      state.lookupsByTask[taskSid] = { ...lookup, status, profileKey: undefined, error: { code, message } };
    },
    /** A completed task's lookup is dropped; its profile goes once no other task points at it. */
    taskReleased(state, action: PayloadAction<{ taskSid: string }>) {
      const profileKey = state.lookupsByTask[action.payload.taskSid]?.profileKey;
      delete state.lookupsByTask[action.payload.taskSid];
      const stillUsed = Object.values(state.lookupsByTask).some((lookup) => lookup.profileKey === profileKey);
      if (profileKey && !stillUsed) delete state.profilesByKey[profileKey];
    },
  },
});

export const { lookupStarted, lookupSucceeded, lookupFailed, taskReleased } = profileSlice.actions;
export const profileReducer = profileSlice.reducer;

const selectProfileState = (state: RootStateWithPlugin) => state[PLUGIN_NAMESPACE].profile;

export const selectLookupForTask = (state: RootStateWithPlugin, taskSid: string): TaskLookup | undefined =>
  selectProfileState(state).lookupsByTask[taskSid];

export const selectProfileForTask = (state: RootStateWithPlugin, taskSid: string): CustomerProfile | undefined => {
  const profileKey = selectLookupForTask(state, taskSid)?.profileKey;
  return profileKey ? selectProfileState(state).profilesByKey[profileKey] : undefined;
};
