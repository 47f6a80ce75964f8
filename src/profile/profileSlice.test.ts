import { configureStore } from '@reduxjs/toolkit';

import { pluginReducer } from '../shared/pluginState';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import {
  lookupFailed,
  lookupStarted,
  lookupSucceeded,
  selectLookupForTask,
  selectProfileForTask,
  taskReleased,
} from './profileSlice';
import { buildProfile } from './test-support/profileFixtures';

function createStore() {
  return configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
}

/** Starts a lookup and answers it with this profile. */
function found(store: ReturnType<typeof createStore>, taskSid: string, profile = buildProfile()) {
  store.dispatch(lookupStarted({ taskSid, requestId: `r-${taskSid}` }));
  store.dispatch(lookupSucceeded({ taskSid, requestId: `r-${taskSid}`, profile }));
}

const heldProfiles = (store: ReturnType<typeof createStore>) =>
  Object.keys(store.getState()[PLUGIN_NAMESPACE].profile.profilesByKey);

describe('profile slice', () => {
  it('tracks a lookup from loading to found and serves the profile by task', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', requestId: 'r1' }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'loading' });
    expect(selectProfileForTask(store.getState(), 'WT1')).toBeUndefined();

    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'r1', profile: buildProfile() }));
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
      lookupSucceeded({ taskSid: 'WT1', requestId: 'search', profile: buildProfile({ displayName: 'Found' }) }),
    );
    store.dispatch(
      lookupSucceeded({ taskSid: 'WT1', requestId: 'prefetch', profile: buildProfile({ displayName: 'Late' }) }),
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
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', requestId: 'r1', profile: buildProfile() }));

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
