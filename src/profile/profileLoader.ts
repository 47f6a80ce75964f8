import { nanoid } from '@reduxjs/toolkit';
import type { Store } from 'redux';

import { BackendError, FunctionsClient, NETWORK_ERROR_CODE, ProfileLookupRequest } from '../backend/FunctionsClient';
import type { RootStateWithPlugin } from '../shared/pluginState';
import { lookupFailed, lookupStarted, lookupSucceeded, selectLookupForTask, taskReleased } from './profileSlice';

export interface ProfileLoader {
  /** Starts the task's lookup unless it has one (under way, done or failed: a failure is retried on request only). */
  loadForTask(taskSid: string, taskAttributes: Record<string, unknown>): Promise<void>;
  /** The agent's own search, when the task's attributes matched nobody. */
  searchForTask(taskSid: string, identifier: string): Promise<void>;
  /** Runs the task's last lookup again: the search if there was one, else the task's attributes. */
  retryForTask(taskSid: string, taskAttributes: Record<string, unknown>): Promise<void>;
  releaseTask(taskSid: string): void;
}

/**
 * Runs lookups against the Functions and records them in the profile slice. Flex's store
 * has no thunk middleware, so the async work lives here and dispatches plain actions.
 */
export function createProfileLoader(store: Store<RootStateWithPlugin>, functions: FunctionsClient): ProfileLoader {
  async function run(taskSid: string, request: ProfileLookupRequest, searchedIdentifier?: string) {
    const requestId = nanoid();
    store.dispatch(lookupStarted({ taskSid, requestId, searchedIdentifier }));
    try {
      const { profile } = await functions.lookupProfile(request);
      store.dispatch(lookupSucceeded({ taskSid, requestId, profile }));
    } catch (error) {
      const { code, message } =
        error instanceof BackendError ? error : new BackendError(NETWORK_ERROR_CODE, 'Unexpected failure.');
      store.dispatch(lookupFailed({ taskSid, requestId, code, message }));
    }
  }

  const searchForTask = (taskSid: string, identifier: string) => run(taskSid, { identifier }, identifier);

  return {
    async loadForTask(taskSid, taskAttributes) {
      if (selectLookupForTask(store.getState(), taskSid)) return;
      await run(taskSid, { taskAttributes });
    },
    searchForTask,
    async retryForTask(taskSid, taskAttributes) {
      const searched = selectLookupForTask(store.getState(), taskSid)?.searchedIdentifier;
      await (searched ? searchForTask(taskSid, searched) : run(taskSid, { taskAttributes }));
    },
    releaseTask(taskSid) {
      store.dispatch(taskReleased({ taskSid }));
    },
  };
}
