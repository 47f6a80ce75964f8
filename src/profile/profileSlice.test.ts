import { configureStore } from '@reduxjs/toolkit';

import { pluginReducer } from '../shared/pluginState';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import {
  historyPageFailed,
  historyPageLoaded,
  historyPageStarted,
  lookupFailed,
  selectIdentifierSettings,
  lookupStarted,
  lookupSucceeded,
  searchRequested,
  selectHistoryPagesForTask,
  selectLookupForTask,
  selectProfileForTask,
  taskReleased,
  timelineOf,
} from './profileSlice';
import { buildProfile } from './test-support/profileFixtures';

function createStore() {
  return configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
}

/** Starts a lookup and answers it with this profile. */
function found(store: ReturnType<typeof createStore>, taskSid: string, profile = buildProfile()) {
  store.dispatch(lookupStarted({ taskSid, requestId: `r-${taskSid}` }));
  store.dispatch(lookupSucceeded({ taskSid, requestId: `r-${taskSid}`, profile, receivedAt: 1 }));
}

const heldProfiles = (store: ReturnType<typeof createStore>) =>
  Object.keys(store.getState()[PLUGIN_NAMESPACE].profile.profilesByKey);

describe('profile slice', () => {
  it('tracks a lookup from loading to found and serves the profile by task', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1' }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'loading' });
    expect(selectProfileForTask(store.getState(), 'WT1')).toBeUndefined();

    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'r1', profile: buildProfile(), receivedAt: 1 }));
    expect(selectLookupForTask(store.getState(), 'WT1')?.status).toBe('found');
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana García');
  });

  it('shares one profile between two tasks of the same customer', () => {
    const store = createStore();
    found(store, 'WT1');
    found(store, 'WT2', buildProfile({ displayName: 'Ana G.' }));

    expect(selectProfileForTask(store.getState(), 'WT1')).toBe(selectProfileForTask(store.getState(), 'WT2'));
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana G.');
  });

  it('keeps two customers apart when Segment did not reveal their profile ids', () => {
    const store = createStore();
    const anonymous = (value: string, displayName: string) =>
      buildProfile({ segmentId: '', displayName, matchedIdentifier: { type: 'email', value } });
    found(store, 'WT1', anonymous('a@example.com', 'A'));
    found(store, 'WT2', anonymous('b@example.com', 'B'));

    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('A');
    expect(selectProfileForTask(store.getState(), 'WT2')?.displayName).toBe('B');
  });

  it('tells not-found apart from a failure', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1' }));
    store.dispatch(lookupStarted({ taskSid: 'WT2', requestId: 'r2' }));
    store.dispatch(
      lookupFailed({ taskSid: 'WT1', requestId: 'r1', code: 'profile_not_found', message: 'No profile.' }),
    );
    store.dispatch(lookupFailed({ taskSid: 'WT2', requestId: 'r2', code: 'segment_unavailable', message: 'Down.' }));

    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'not_found' });
    expect(selectLookupForTask(store.getState(), 'WT2')).toMatchObject({
      status: 'failed',
      error: { code: 'segment_unavailable', message: 'Down.' },
    });
  });

  it('keeps the identifier settings a miss carries, for the search that follows', () => {
    const store = createStore();
    expect(selectIdentifierSettings(store.getState())).toBeUndefined();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1' }));
    const identifiers = { account_number: { label: 'Account number', searchable: true } };
    store.dispatch(
      lookupFailed({
        taskSid: 'WT1',
        requestId: 'r1',
        code: 'profile_not_found',
        message: 'No profile.',
        presentation: { highlightedTraits: [], traitDisplay: {}, customerTab: { identifiers } },
      }),
    );
    expect(selectIdentifierSettings(store.getState())).toEqual(identifiers);
  });

  it('keeps the searched identifier through the search result', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1', searchedIdentifier: 'email:ana@example.com' }));
    store.dispatch(
      lookupFailed({ taskSid: 'WT1', requestId: 'r1', code: 'profile_not_found', message: 'No profile.' }),
    );

    expect(selectLookupForTask(store.getState(), 'WT1')?.searchedIdentifier).toBe('email:ana@example.com');
  });

  it('ignores the answer to a request that a newer one replaced', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'prefetch' }));
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'search', searchedIdentifier: 'user_id:abc' }));
    store.dispatch(
      lookupSucceeded({
        taskSid: 'WT1',
        requestId: 'search',
        profile: buildProfile({ displayName: 'Found' }),
        receivedAt: 1,
      }),
    );
    store.dispatch(
      lookupSucceeded({
        taskSid: 'WT1',
        requestId: 'prefetch',
        profile: buildProfile({ displayName: 'Late' }),
        receivedAt: 1,
      }),
    );
    store.dispatch(
      lookupFailed({ taskSid: 'WT1', requestId: 'prefetch', code: 'segment_unavailable', message: 'Late.' }),
    );

    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Found');
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'found', requestId: 'search' });
  });

  it('ignores an answer that arrives after the task was released, keeping no customer data', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1' }));
    store.dispatch(taskReleased({ taskSid: 'WT1' }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'r1', profile: buildProfile(), receivedAt: 1 }));

    expect(selectLookupForTask(store.getState(), 'WT1')).toBeUndefined();
    expect(heldProfiles(store)).toEqual([]);
  });

  it('drops a profile no task shows any more, whether released or replaced by a new lookup', () => {
    const store = createStore();
    found(store, 'WT1');
    found(store, 'WT2');
    store.dispatch(taskReleased({ taskSid: 'WT1' }));
    expect(selectProfileForTask(store.getState(), 'WT2')).toBeDefined();

    store.dispatch(lookupStarted({ taskSid: 'WT2', requestId: 'again', searchedIdentifier: 'user_id:other' }));
    expect(heldProfiles(store)).toEqual([]);
  });
});

describe('profile slice: refresh, search and history pages', () => {
  const timelinePage = (ids: string[], next: string | null) => ({
    items: ids.map((id) => ({
      id,
      type: 'track',
      name: 'Order Completed',
      timestamp: '2026-11-28T10:00:00Z',
      properties: {},
    })),
    next,
  });

  it('keeps the profile on screen while a refresh runs, and replaces it when the answer comes', () => {
    const store = createStore();
    found(store, 'WT1');
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'refresh-1', refresh: true }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'found', refreshing: true });
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana García');

    const renamed = buildProfile({ displayName: 'Ana García López' });
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'refresh-1', profile: renamed, receivedAt: 5_000 }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ refreshing: false, fetchedAt: 5_000 });
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana García López');
  });

  it('keeps the last profile, marked stale with the reason, when a refresh fails', () => {
    const store = createStore();
    found(store, 'WT1');
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'refresh-1', refresh: true }));
    store.dispatch(lookupFailed({ taskSid: 'WT1', requestId: 'refresh-1', code: 'segment_unavailable', message: 'x' }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({
      status: 'found',
      fetchedAt: 1,
      refreshing: false,
      refreshError: { code: 'segment_unavailable' },
    });
    expect(selectProfileForTask(store.getState(), 'WT1')).toBeDefined();
  });

  it('ignores a late refresh answer once the agent searched for someone else', () => {
    const store = createStore();
    found(store, 'WT1');
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'refresh-1', refresh: true }));
    store.dispatch(searchRequested({ taskSid: 'WT1', requestId: 'search-mode' }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'refresh-1', profile: buildProfile(), receivedAt: 2 }));
    expect(selectLookupForTask(store.getState(), 'WT1')?.status).toBe('searching');
    expect(heldProfiles(store)).toEqual([]);
  });

  it('appends history pages without repeating an event, and follows the newest cursor', () => {
    const store = createStore();
    const profile = buildProfile({ timeline: timelinePage(['e1', 'e2'], 'cursor-1') });
    found(store, 'WT1', profile);
    const key = profile.segmentId;
    expect(timelineOf(profile, selectHistoryPagesForTask(store.getState(), 'WT1')).next).toBe('cursor-1');

    store.dispatch(historyPageStarted({ profileKey: key, requestId: 'p1' }));
    expect(selectHistoryPagesForTask(store.getState(), 'WT1')?.status).toBe('loading');
    store.dispatch(historyPageLoaded({ profileKey: key, requestId: 'p1', page: timelinePage(['e2', 'e3'], null) }));

    const timeline = timelineOf(profile, selectHistoryPagesForTask(store.getState(), 'WT1'));
    expect(timeline.items.map((item) => item.id)).toEqual(['e1', 'e2', 'e3']);
    expect(timeline.next).toBeNull();
  });

  it('records a failed page without losing the pages before it, and drops pages when the profile is refetched', () => {
    const store = createStore();
    const profile = buildProfile({ timeline: timelinePage(['e1'], 'cursor-1') });
    found(store, 'WT1', profile);
    store.dispatch(historyPageStarted({ profileKey: profile.segmentId, requestId: 'p1' }));
    store.dispatch(
      historyPageLoaded({ profileKey: profile.segmentId, requestId: 'p1', page: timelinePage(['e2'], 'cursor-2') }),
    );
    store.dispatch(historyPageStarted({ profileKey: profile.segmentId, requestId: 'p2' }));
    store.dispatch(
      historyPageFailed({ profileKey: profile.segmentId, requestId: 'p2', code: 'segment_unavailable', message: 'x' }),
    );
    const pages = selectHistoryPagesForTask(store.getState(), 'WT1');
    expect(pages).toMatchObject({ status: 'failed', items: [{ id: 'e2' }], next: 'cursor-2' });

    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'refresh', refresh: true }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'refresh', profile, receivedAt: 9 }));
    expect(selectHistoryPagesForTask(store.getState(), 'WT1')).toBeUndefined();
  });

  it('drops history pages with the profile when its last task is released', () => {
    const store = createStore();
    const profile = buildProfile({ timeline: timelinePage(['e1'], 'cursor-1') });
    found(store, 'WT1', profile);
    store.dispatch(historyPageStarted({ profileKey: profile.segmentId, requestId: 'p1' }));
    store.dispatch(taskReleased({ taskSid: 'WT1' }));
    expect(store.getState()[PLUGIN_NAMESPACE].profile.historyByProfile).toEqual({});
  });
});
