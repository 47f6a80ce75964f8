import { configureStore } from '@reduxjs/toolkit';

import { BackendError, ProfileLookupRequest } from '../backend/FunctionsClient';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import { fakeFunctionsClient } from '../shared/test-support/fakeFunctionsClient';
import { createProfileLoader } from './profileLoader';
import { selectLookupForTask, selectProfileForTask } from './profileSlice';
import { buildProfile } from './test-support/profileFixtures';

/** A Functions client whose answers the test releases one by one, in any order. */
function deferredFunctions() {
  const pending: Array<{
    request: ProfileLookupRequest;
    resolve: (value: unknown) => void;
    reject: (e: Error) => void;
  }> = [];
  const client = fakeFunctionsClient({
    lookupProfile: (request) =>
      new Promise((resolve, reject) => pending.push({ request, resolve: resolve as never, reject })),
  });
  return { client, pending };
}

function setUp() {
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const { client, pending } = deferredFunctions();
  return { store, loader: createProfileLoader(store, client), pending };
}

const ATTRIBUTES = { from: '+14155550100' };

describe('profile loader', () => {
  it('keeps the agent search when the slower prefetch answers after it', async () => {
    const { store, loader, pending } = setUp();
    const prefetch = loader.loadForTask('WT1', ATTRIBUTES);
    const search = loader.searchForTask('WT1', 'user_id:usr_marcus_johnson');

    pending[1].resolve({ profile: buildProfile({ displayName: 'Marcus Johnson' }) });
    pending[0].resolve({ profile: buildProfile({ displayName: 'Ana García' }) });
    await Promise.all([prefetch, search]);

    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Marcus Johnson');
  });

  it('does not look a failed task up again by itself, only when asked, and retries the search it had', async () => {
    const { store, loader, pending } = setUp();
    const search = loader.searchForTask('WT1', 'email:ana@example.com');
    pending[0].reject(new BackendError('segment_unavailable', 'Down.', 503));
    await search;

    await loader.loadForTask('WT1', ATTRIBUTES);
    expect(pending).toHaveLength(1);

    const retry = loader.retryForTask('WT1', ATTRIBUTES);
    expect(pending[1].request).toEqual({ identifier: 'email:ana@example.com' });
    pending[1].resolve({ profile: buildProfile() });
    await retry;
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'found' });
  });

  it('keeps nothing of a task released while its lookup was under way', async () => {
    const { store, loader, pending } = setUp();
    const prefetch = loader.loadForTask('WT1', ATTRIBUTES);
    loader.releaseTask('WT1');
    pending[0].resolve({ profile: buildProfile() });
    await prefetch;

    expect(selectLookupForTask(store.getState(), 'WT1')).toBeUndefined();
    expect(store.getState()[PLUGIN_NAMESPACE].profile.profilesByKey).toEqual({});
  });
});
