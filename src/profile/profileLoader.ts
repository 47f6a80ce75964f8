import { nanoid } from '@reduxjs/toolkit';
import type { Store } from 'redux';

import { BackendError, FunctionsClient, NETWORK_ERROR_CODE, ProfileLookupRequest } from '../backend/FunctionsClient';
import type { ProfilePresentation } from '../../serverless/src/profile/types';
import type { RootStateWithPlugin } from '../shared/pluginState';
import {
  BackendFailure,
  historyPageFailed,
  historyPageLoaded,
  historyPageStarted,
  lookupFailed,
  lookupStarted,
  lookupSucceeded,
  profileKeyOf,
  searchRequested,
  selectHistoryPagesForTask,
  selectLookupForTask,
  selectProfileForTask,
  taskReleased,
  timelineOf,
} from './profileSlice';

export interface ProfileLoader {
  /** Starts the task's lookup unless it has one (under way, done or failed: a failure is retried on request only). */
  loadForTask(taskSid: string, taskAttributes: Record<string, unknown>): Promise<void>;
  /** The agent's own search, when the task's attributes matched nobody (or matched the wrong person). */
  searchForTask(taskSid: string, identifier: string): Promise<void>;
  /** Runs the task's last lookup again: the search if there was one, else the task's attributes. */
  retryForTask(taskSid: string, taskAttributes: Record<string, unknown>): Promise<void>;
  /** Fetches the shown profile again, keeping it on screen until the answer (or its failure) arrives. */
  refreshForTask(taskSid: string, taskAttributes: Record<string, unknown>): Promise<void>;
  /** Puts the search in the profile's place (after an unlink, or to find someone else). */
  showSearchForTask(taskSid: string): void;
  /** The next 20 events of the shown profile's history. */
  loadMoreHistory(taskSid: string): Promise<void>;
  releaseTask(taskSid: string): void;
}

const failureOf = (error: unknown): BackendFailure => {
  const { code, message } =
    error instanceof BackendError ? error : new BackendError(NETWORK_ERROR_CODE, 'Unexpected failure.');
  return { code, message };
};

/** The presentation a miss carries (the Functions send it with profile_not_found), for the search. */
const presentationOfMiss = (error: unknown): ProfilePresentation | undefined => {
  const presentation = error instanceof BackendError ? error.body?.presentation : undefined;
  return presentation && typeof presentation === 'object' ? (presentation as ProfilePresentation) : undefined;
};

/**
 * Runs lookups against the Functions and records them in the profile slice. Flex's store
 * has no thunk middleware, so the async work lives here and dispatches plain actions.
 */
export function createProfileLoader(
  store: Store<RootStateWithPlugin>,
  functions: FunctionsClient,
  now: () => number = Date.now,
): ProfileLoader {
  async function run(
    taskSid: string,
    request: ProfileLookupRequest,
    options: { searched?: string; refresh?: boolean },
  ) {
    const requestId = nanoid();
    store.dispatch(
      lookupStarted({ taskSid, requestId, searchedIdentifier: options.searched, refresh: options.refresh }),
    );
    try {
      const { profile } = await functions.lookupProfile(request);
      store.dispatch(lookupSucceeded({ taskSid, requestId, profile, receivedAt: now() }));
    } catch (error) {
      store.dispatch(
        lookupFailed({ taskSid, requestId, ...failureOf(error), presentation: presentationOfMiss(error) }),
      );
    }
  }

  const searchForTask = (taskSid: string, identifier: string) => run(taskSid, { identifier }, { searched: identifier });
  const repeat = (taskSid: string, taskAttributes: Record<string, unknown>, refresh: boolean) => {
    const searched = selectLookupForTask(store.getState(), taskSid)?.searchedIdentifier;
    const fresh = refresh ? { refresh: true } : {};
    return searched
      ? run(taskSid, { identifier: searched, ...fresh }, { searched, refresh })
      : run(taskSid, { taskAttributes, ...fresh }, { refresh });
  };

  return {
    async loadForTask(taskSid, taskAttributes) {
      if (selectLookupForTask(store.getState(), taskSid)) return;
      await run(taskSid, { taskAttributes }, {});
    },
    searchForTask,
    retryForTask: (taskSid, taskAttributes) => repeat(taskSid, taskAttributes, false),
    refreshForTask: (taskSid, taskAttributes) => repeat(taskSid, taskAttributes, true),
    showSearchForTask(taskSid) {
      store.dispatch(searchRequested({ taskSid, requestId: nanoid() }));
    },
    async loadMoreHistory(taskSid) {
      const state = store.getState();
      const profile = selectProfileForTask(state, taskSid);
      const pages = selectHistoryPagesForTask(state, taskSid);
      if (!profile || !profile.segmentId || pages?.status === 'loading') return;
      const { next } = timelineOf(profile, pages);
      if (!next) return;
      const profileKey = profileKeyOf(profile);
      const requestId = nanoid();
      store.dispatch(historyPageStarted({ profileKey, requestId }));
      try {
        const { timeline } = await functions.nextProfileEvents({ segmentId: profile.segmentId, next });
        store.dispatch(historyPageLoaded({ profileKey, requestId, page: timeline }));
      } catch (error) {
        store.dispatch(historyPageFailed({ profileKey, requestId, ...failureOf(error) }));
      }
    },
    releaseTask(taskSid) {
      store.dispatch(taskReleased({ taskSid }));
    },
  };
}
