import type { Store } from 'redux';

import { BackendError, FunctionsClient, NETWORK_ERROR_CODE } from '../backend/FunctionsClient';
import type { RootStateWithPlugin } from '../shared/pluginState';
import { lookupFailed, lookupStarted, lookupSucceeded, selectLookupForTask, taskReleased } from './profileSlice';

export interface ProfileLoader {
  /** Starts the lookup for a task unless one is under way or done; `force` retries after a failure. */
  loadForTask(taskSid: string, taskAttributes: Record<string, unknown>, options?: { force?: boolean }): Promise<void>;
  /** The agent's own search, when the task's attributes matched nobody. */
  searchForTask(taskSid: string, identifier: string): Promise<void>;
  releaseTask(taskSid: string): void;
}

/**
 * Runs lookups against the Functions and records them in the profile slice. Flex's store
 * has no thunk middleware, so the async work lives here and dispatches plain actions.
 */
export function createProfileLoader(store: Store<RootStateWithPlugin>, functions: FunctionsClient): ProfileLoader {
  async function run(taskSid: string, request: Parameters<FunctionsClient['lookupProfile']>[0], searched?: string) {
    store.dispatch(lookupStarted({ taskSid, searchedIdentifier: searched }));
    try {
      const { profile } = await functions.lookupProfile(request);
      store.dispatch(lookupSucceeded({ taskSid, profile }));
    } catch (error) {
      const { code, message } =
        error instanceof BackendError ? error : new BackendError(NETWORK_ERROR_CODE, 'Unexpected failure.');
      store.dispatch(lookupFailed({ taskSid, code, message }));
    }
  }

  return {
    async loadForTask(taskSid, taskAttributes, { force = false } = {}) {
      const existing = selectLookupForTask(store.getState(), taskSid);
      if (existing && !force && existing.status !== 'failed') return;
      if (existing?.status === 'loading') return;
      await run(taskSid, { taskAttributes });
    },
    async searchForTask(taskSid, identifier) {
      await run(taskSid, { identifier }, identifier);
    },
    releaseTask(taskSid) {
      store.dispatch(taskReleased({ taskSid }));
    },
  };
}
