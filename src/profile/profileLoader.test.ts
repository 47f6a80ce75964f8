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

describe('profile loader: refresh and history pages', () => {
  it('refreshes the agent search (not the task attributes) past the Functions cache, keeping the profile shown', async () => {
    const { store, loader, pending } = setUp();
    const search = loader.searchForTask('WT1', 'email:ana.garcia@example.com');
    pending[0].resolve({ profile: buildProfile() });
    await search;

    const refresh = loader.refreshForTask('WT1', ATTRIBUTES);
    expect(pending[1].request).toEqual({ identifier: 'email:ana.garcia@example.com', refresh: true });
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'found', refreshing: true });
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana García');
    pending[1].reject(new BackendError('segment_unavailable', 'down', 503));
    await refresh;
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({
      status: 'found',
      refreshError: { code: 'segment_unavailable' },
    });
  });

  it('asks for the next history page with the cursor it holds, once at a time', async () => {
    const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
    const pages: Array<{ request: unknown; resolve: (value: unknown) => void }> = [];
    const client = fakeFunctionsClient({
      lookupProfile: async () => ({ profile: buildProfile({ timeline: { items: [], next: 'cursor-1' } }) }),
      nextProfileEvents: (request) => new Promise((resolve) => pages.push({ request, resolve: resolve as never })),
    });
    const loader = createProfileLoader(store, client);
    await loader.loadForTask('WT1', ATTRIBUTES);

    const first = loader.loadMoreHistory('WT1');
    void loader.loadMoreHistory('WT1'); // a second click while the first page loads asks nothing more
    expect(pages.map((page) => page.request)).toEqual([
      { segmentId: 'use_2Ana0Garcia0Demo000000000', next: 'cursor-1' },
    ]);
    pages[0].resolve({ timeline: { items: [], next: 'cursor-2' } });
    await first;

    void loader.loadMoreHistory('WT1');
    expect(pages[1].request).toEqual({ segmentId: 'use_2Ana0Garcia0Demo000000000', next: 'cursor-2' });
  });
});
