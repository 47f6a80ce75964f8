import { createSlice, PayloadAction } from '@reduxjs/toolkit';

import type { CustomerProfile } from '../../serverless/src/profile/types';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import type { RootStateWithPlugin } from '../shared/pluginState';

export type LookupStatus = 'loading' | 'found' | 'not_found' | 'failed';

/** One task's lookup: where it stands and, once found, which profile it resolved to. */
export interface TaskLookup {
  status: LookupStatus;
  /** Which request this is: an answer to an older request (a prefetch overtaken by a search) is ignored. */
  requestId: string;
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

/** Unlinks a task from its profile, and drops the profile once no task shows it: no customer data outlives its tasks. */
function detachProfile(state: ProfileState, taskSid: string) {
  const profileKey = state.lookupsByTask[taskSid]?.profileKey;
  if (!profileKey) return;
  delete state.lookupsByTask[taskSid].profileKey;
  const stillShown = Object.values(state.lookupsByTask).some((lookup) => lookup.profileKey === profileKey);
  if (!stillShown) delete state.profilesByKey[profileKey];
}

type Answer<T> = PayloadAction<{ taskSid: string; requestId: string } & T>;

/** The lookup an answer belongs to, if it is still the task's current one (not released, not superseded). */
function currentLookup(state: ProfileState, { taskSid, requestId }: { taskSid: string; requestId: string }) {
  const lookup = state.lookupsByTask[taskSid];
  return lookup?.requestId === requestId ? lookup : undefined;
}

const profileSlice = createSlice({
  name: `${PLUGIN_NAMESPACE}/profile`,
  initialState,
  reducers: {
    lookupStarted(state, action: Answer<{ searchedIdentifier?: string }>) {
      const { taskSid, requestId, searchedIdentifier } = action.payload;
      detachProfile(state, taskSid);
      state.lookupsByTask[taskSid] = { status: 'loading', requestId, searchedIdentifier };
    },
    lookupSucceeded(state, action: Answer<{ profile: CustomerProfile }>) {
      const lookup = currentLookup(state, action.payload);
      if (!lookup) return;
      const profileKey = profileKeyOf(action.payload.profile);
      state.profilesByKey[profileKey] = action.payload.profile;
      Object.assign(lookup, { status: 'found', profileKey, error: undefined });
    },
    lookupFailed(state, action: Answer<{ code: string; message: string }>) {
      const lookup = currentLookup(state, action.payload);
      if (!lookup) return;
      const { code, message } = action.payload;
      Object.assign(lookup, {
        status: code === 'profile_not_found' ? 'not_found' : 'failed',
        error: { code, message },
      });
    },
    /** A task that ended (completed, or its reservation gone): its lookup is dropped, and its profile with it. */
    taskReleased(state, action: PayloadAction<{ taskSid: string }>) {
      detachProfile(state, action.payload.taskSid);
      delete state.lookupsByTask[action.payload.taskSid];
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
