import { createSlice, PayloadAction } from '@reduxjs/toolkit';

import type {
  CustomerProfile,
  ProfilePresentation,
  TimelineItem,
  TimelinePage,
} from '../../serverless/src/profile/types';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import type { RootStateWithPlugin } from '../shared/pluginState';

/** `searching`: the agent asked to find someone else (or unlinked), so the search is shown, not a lookup. */
export type LookupStatus = 'loading' | 'found' | 'not_found' | 'failed' | 'searching';

export interface BackendFailure {
  code: string;
  message: string;
}

/** One task's lookup: where it stands and, once found, which profile it resolved to. */
export interface TaskLookup {
  status: LookupStatus;
  /** Which request this is: an answer to an older request (a prefetch overtaken by a search) is ignored. */
  requestId: string;
  /** The agent's typed search, when the lookup came from one rather than the task's attributes. */
  searchedIdentifier?: string;
  profileKey?: string;
  error?: BackendFailure;
  /** When the profile shown was fetched (ms since the epoch): "Updated 4 min ago". */
  fetchedAt?: number;
  /** A refresh is under way; the profile shown stays until it answers. */
  refreshing?: boolean;
  /** The last refresh failed; the profile shown is the one from `fetchedAt`. */
  refreshError?: BackendFailure;
}

/** The history pages fetched after the first (which comes with the profile), through /profile-events. */
export interface HistoryPages {
  items: TimelineItem[];
  /** The cursor after the last page fetched; only meaningful once a page was. */
  next: string | null;
  pagesLoaded: number;
  status: 'idle' | 'loading' | 'failed';
  requestId?: string;
  error?: BackendFailure;
}

export interface ProfileState {
  lookupsByTask: Record<string, TaskLookup>;
  /** Keyed by Segment profile id, so two tasks of one customer share one copy. */
  profilesByKey: Record<string, CustomerProfile>;
  historyByProfile: Record<string, HistoryPages>;
  /**
   * The presentation settings /profile last answered: settings, not customer data, so they outlive
   * the profile and name identifier types in the search when no profile is shown.
   */
  presentation?: ProfilePresentation;
}

const initialState: ProfileState = { lookupsByTask: {}, profilesByKey: {}, historyByProfile: {} };

/** The Segment id when the API revealed it, else the identifier that matched: never a shared empty key. */
export const profileKeyOf = (profile: CustomerProfile) =>
  profile.segmentId || `${profile.matchedIdentifier.type}:${profile.matchedIdentifier.value}`;

/** Unlinks a task from its profile, and drops the profile once no task shows it: no customer data outlives its tasks. */
function detachProfile(state: ProfileState, taskSid: string) {
  const profileKey = state.lookupsByTask[taskSid]?.profileKey;
  if (!profileKey) return;
  delete state.lookupsByTask[taskSid].profileKey;
  const stillShown = Object.values(state.lookupsByTask).some((lookup) => lookup.profileKey === profileKey);
  if (!stillShown) {
    delete state.profilesByKey[profileKey];
    delete state.historyByProfile[profileKey];
  }
}

type Answer<T> = PayloadAction<{ taskSid: string; requestId: string } & T>;

/** The lookup an answer belongs to, if it is still the task's current one (not released, not superseded). */
function currentLookup(state: ProfileState, { taskSid, requestId }: { taskSid: string; requestId: string }) {
  const lookup = state.lookupsByTask[taskSid];
  return lookup?.requestId === requestId ? lookup : undefined;
}

/** Appends a page, skipping events already shown (a page may overlap the one before after new events arrive). */
function appendPage(items: TimelineItem[], page: TimelinePage, shown: Set<string>): TimelineItem[] {
  return [...items, ...page.items.filter((item) => !shown.has(item.id))];
}

const profileSlice = createSlice({
  name: `${PLUGIN_NAMESPACE}/profile`,
  initialState,
  reducers: {
    lookupStarted(state, action: Answer<{ searchedIdentifier?: string; refresh?: boolean }>) {
      const { taskSid, requestId, searchedIdentifier, refresh } = action.payload;
      const shown = state.lookupsByTask[taskSid];
      if (refresh && shown?.profileKey) {
        Object.assign(shown, { requestId, refreshing: true });
        return;
      }
      detachProfile(state, taskSid);
      state.lookupsByTask[taskSid] = { status: 'loading', requestId, searchedIdentifier };
    },
    lookupSucceeded(state, action: Answer<{ profile: CustomerProfile; receivedAt: number }>) {
      const lookup = currentLookup(state, action.payload);
      if (!lookup) return;
      const profileKey = profileKeyOf(action.payload.profile);
      if (lookup.profileKey !== profileKey) detachProfile(state, action.payload.taskSid);
      state.profilesByKey[profileKey] = action.payload.profile;
      if (action.payload.profile.presentation) state.presentation = action.payload.profile.presentation;
      // The profile's first history page is new: pages fetched after the old one no longer follow it.
      delete state.historyByProfile[profileKey];
      Object.assign(lookup, {
        status: 'found',
        profileKey,
        fetchedAt: action.payload.receivedAt,
        error: undefined,
        refreshing: false,
        refreshError: undefined,
      });
    },
    lookupFailed(state, action: Answer<BackendFailure & { presentation?: ProfilePresentation }>) {
      const lookup = currentLookup(state, action.payload);
      if (!lookup) return;
      if (action.payload.presentation) state.presentation = action.payload.presentation;
      const { code, message } = action.payload;
      if (lookup.refreshing && lookup.profileKey) {
        // What the agent already sees stays: stale data with a note beats an empty panel mid-call.
        Object.assign(lookup, { refreshing: false, refreshError: { code, message } });
        return;
      }
      Object.assign(lookup, {
        status: code === 'profile_not_found' ? 'not_found' : 'failed',
        error: { code, message },
      });
    },
    /** The agent chose to find another customer, or unlinked this one: the search takes the profile's place. */
    searchRequested(state, action: PayloadAction<{ taskSid: string; requestId: string }>) {
      const { taskSid, requestId } = action.payload;
      detachProfile(state, taskSid);
      state.lookupsByTask[taskSid] = { status: 'searching', requestId };
    },
    historyPageStarted(state, action: PayloadAction<{ profileKey: string; requestId: string }>) {
      const { profileKey, requestId } = action.payload;
      const history = state.historyByProfile[profileKey];
      if (history) Object.assign(history, { status: 'loading', requestId, error: undefined });
      else state.historyByProfile[profileKey] = { items: [], next: null, pagesLoaded: 0, status: 'loading', requestId };
    },
    historyPageLoaded(state, action: PayloadAction<{ profileKey: string; requestId: string; page: TimelinePage }>) {
      const { profileKey, requestId, page } = action.payload;
      const history = state.historyByProfile[profileKey];
      const profile = state.profilesByKey[profileKey];
      if (!history || !profile || history.requestId !== requestId) return;
      const shown = new Set([...profile.timeline.items, ...history.items].map((item) => item.id));
      Object.assign(history, {
        items: appendPage(history.items, page, shown),
        next: page.next,
        pagesLoaded: history.pagesLoaded + 1,
        status: 'idle',
      });
    },
    historyPageFailed(state, action: PayloadAction<{ profileKey: string; requestId: string } & BackendFailure>) {
      const { profileKey, requestId, code, message } = action.payload;
      const history = state.historyByProfile[profileKey];
      if (!history || history.requestId !== requestId) return;
      Object.assign(history, { status: 'failed', error: { code, message } });
    },
    /** A task that ended (completed, or its reservation gone): its lookup is dropped, and its profile with it. */
    taskReleased(state, action: PayloadAction<{ taskSid: string }>) {
      detachProfile(state, action.payload.taskSid);
      delete state.lookupsByTask[action.payload.taskSid];
    },
  },
});

export const {
  lookupStarted,
  lookupSucceeded,
  lookupFailed,
  searchRequested,
  historyPageStarted,
  historyPageLoaded,
  historyPageFailed,
  taskReleased,
} = profileSlice.actions;
export const profileReducer = profileSlice.reducer;

const selectProfileState = (state: RootStateWithPlugin) => state[PLUGIN_NAMESPACE].profile;

export const selectLookupForTask = (state: RootStateWithPlugin, taskSid: string): TaskLookup | undefined =>
  selectProfileState(state).lookupsByTask[taskSid];

export const selectProfileForTask = (state: RootStateWithPlugin, taskSid: string): CustomerProfile | undefined => {
  const profileKey = selectLookupForTask(state, taskSid)?.profileKey;
  return profileKey ? selectProfileState(state).profilesByKey[profileKey] : undefined;
};

/** The pages fetched beyond the profile's first; undefined until "View more" was used. */
export const selectHistoryPagesForTask = (state: RootStateWithPlugin, taskSid: string): HistoryPages | undefined => {
  const profileKey = selectLookupForTask(state, taskSid)?.profileKey;
  return profileKey ? selectProfileState(state).historyByProfile[profileKey] : undefined;
};

/** The identifier names and searchable types an admin set, as /profile last answered them. */
export const selectIdentifierSettings = (state: RootStateWithPlugin) =>
  selectProfileState(state).presentation?.customerTab?.identifiers;

/** The whole history shown for a profile: its first page, then the pages fetched after it, and what comes next. */
export function timelineOf(profile: CustomerProfile, pages: HistoryPages | undefined) {
  return {
    items: pages ? [...profile.timeline.items, ...pages.items] : profile.timeline.items,
    next: pages && pages.pagesLoaded > 0 ? pages.next : profile.timeline.next,
  };
}
