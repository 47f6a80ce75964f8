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

describe('profile slice', () => {
  it('tracks a lookup from loading to found and serves the profile by task', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1' }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toEqual({ status: 'loading' });
    expect(selectProfileForTask(store.getState(), 'WT1')).toBeUndefined();

    store.dispatch(lookupSucceeded({ taskSid: 'WT1', profile: buildProfile() }));
    expect(selectLookupForTask(store.getState(), 'WT1')?.status).toBe('found');
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana García');
  });

  it('shares one profile between two tasks of the same customer', () => {
    const store = createStore();
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', profile: buildProfile() }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT2', profile: buildProfile({ displayName: 'Ana G.' }) }));

    expect(selectProfileForTask(store.getState(), 'WT1')).toBe(selectProfileForTask(store.getState(), 'WT2'));
    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('Ana G.');
  });

  it('keeps two customers apart when Segment did not reveal their profile ids', () => {
    const store = createStore();
    const anonymous = (value: string) => buildProfile({ segmentId: '', matchedIdentifier: { type: 'email', value } });
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', profile: { ...anonymous('a@example.com'), displayName: 'A' } }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT2', profile: { ...anonymous('b@example.com'), displayName: 'B' } }));

    expect(selectProfileForTask(store.getState(), 'WT1')?.displayName).toBe('A');
    expect(selectProfileForTask(store.getState(), 'WT2')?.displayName).toBe('B');
  });

  it('tells not-found apart from a failure', () => {
    const store = createStore();
    store.dispatch(lookupFailed({ taskSid: 'WT1', code: 'profile_not_found', message: 'No profile.' }));
    store.dispatch(lookupFailed({ taskSid: 'WT2', code: 'segment_unavailable', message: 'Segment is down.' }));

    expect(selectLookupForTask(store.getState(), 'WT1')).toMatchObject({ status: 'not_found' });
    expect(selectLookupForTask(store.getState(), 'WT2')).toMatchObject({
      status: 'failed',
      error: { code: 'segment_unavailable', message: 'Segment is down.' },
    });
  });

  it('keeps the searched identifier through the search result', () => {
    const store = createStore();
    store.dispatch(lookupStarted({ taskSid: 'WT1', searchedIdentifier: 'email:ana@example.com' }));
    store.dispatch(lookupFailed({ taskSid: 'WT1', code: 'profile_not_found', message: 'No profile.' }));

    expect(selectLookupForTask(store.getState(), 'WT1')?.searchedIdentifier).toBe('email:ana@example.com');
  });

  it('drops a released task, and its profile only when no other task shows it', () => {
    const store = createStore();
    store.dispatch(lookupSucceeded({ taskSid: 'WT1', profile: buildProfile() }));
    store.dispatch(lookupSucceeded({ taskSid: 'WT2', profile: buildProfile() }));

    store.dispatch(taskReleased({ taskSid: 'WT1' }));
    expect(selectLookupForTask(store.getState(), 'WT1')).toBeUndefined();
    expect(selectProfileForTask(store.getState(), 'WT2')).toBeDefined();

    store.dispatch(taskReleased({ taskSid: 'WT2' }));
    expect(store.getState()[PLUGIN_NAMESPACE].profile.profilesByKey).toEqual({});
  });
});
