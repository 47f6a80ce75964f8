import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ITask } from '@twilio/flex-ui';

import { BackendError, FunctionsClient, ProfileLookupRequest } from '../backend/FunctionsClient';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import { fakeFunctionsClient } from '../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../shared/test-support/renderWithProviders';
import { CustomerTabContent } from './CustomerTab';
import { createProfileLoader } from './profileLoader';
import { buildProfile } from './test-support/profileFixtures';

const TASK = { taskSid: 'WT1', attributes: { from: '+14155550100', direction: 'inbound' } } as unknown as ITask;

/** A Functions client whose answers the test scripts, recording what it was asked. */
function scriptedFunctions(...answers: Array<() => Promise<unknown>>) {
  const requests: ProfileLookupRequest[] = [];
  const client = fakeFunctionsClient({
    lookupProfile: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('No scripted answer left.');
      return (await answer()) as never;
    },
  });
  return { client, requests };
}

function renderTab(functions: FunctionsClient) {
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const loader = createProfileLoader(store, functions);
  renderWithProviders(<CustomerTabContent task={TASK} loader={loader} />, store);
  return { store, loader };
}

describe('CustomerTab', () => {
  it('shows a loading state, then the customer with traits, predictions and audiences', async () => {
    const { client, requests } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    renderTab(client);

    expect(screen.getByRole('status')).toHaveTextContent('Looking up the customer…');
    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(screen.getByText('Matched by phone')).toBeInTheDocument();
    expect(screen.getByText('Plan').nextSibling).toHaveTextContent('Premium');
    expect(screen.getByText('Total inbounds').nextSibling).toHaveTextContent('7');
    expect(screen.getByText('Likelihood to churn').nextSibling).toHaveTextContent('Top 15%');
    expect(screen.getByText('High value customers')).toBeInTheDocument();
    expect(screen.queryByText('Churned users')).not.toBeInTheDocument();
    expect(requests).toEqual([{ taskAttributes: TASK.attributes }]);
  });

  it('offers a search when nobody matched, and shows the customer it finds', async () => {
    const { client, requests } = scriptedFunctions(
      async () => Promise.reject(new BackendError('profile_not_found', 'Profile was not found.', 404)),
      async () => ({ profile: buildProfile({ displayName: 'Marcus Johnson' }) }),
    );
    renderTab(client);

    expect(await screen.findByText('No customer profile found')).toBeInTheDocument();
    await userEvent.type(screen.getByLabelText('Find a customer'), 'email:marcus.johnson@example.org{enter}');

    expect(await screen.findByRole('heading', { name: 'Marcus Johnson' })).toBeInTheDocument();
    expect(requests[1]).toEqual({ identifier: 'email:marcus.johnson@example.org' });
  });

  it('says what to type when the search is empty, without calling the backend', async () => {
    const { client, requests } = scriptedFunctions(async () =>
      Promise.reject(new BackendError('profile_not_found', 'Profile was not found.', 404)),
    );
    renderTab(client);

    await userEvent.click(await screen.findByRole('button', { name: 'Search' }));
    expect(screen.getByText('Type an email, phone number or identifier to search.')).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });

  it('explains a failure and retries on request', async () => {
    const { client, requests } = scriptedFunctions(
      async () => Promise.reject(new BackendError('segment_unavailable', 'Segment did not answer in time.', 503)),
      async () => ({ profile: buildProfile() }),
    );
    renderTab(client);

    expect(await screen.findByText('Segment did not answer in time.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));

    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(requests).toHaveLength(2);
  });

  it('does not look the customer up twice when the reservation already started it', async () => {
    const { client, requests } = scriptedFunctions(async () => ({ profile: buildProfile() }));
    const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
    const loader = createProfileLoader(store, client);
    const prefetch = loader.loadForTask(TASK.taskSid, TASK.attributes);
    renderWithProviders(<CustomerTabContent task={TASK} loader={loader} />, store);
    await prefetch;

    expect(await screen.findByRole('heading', { name: 'Ana García' })).toBeInTheDocument();
    expect(requests).toHaveLength(1);
  });
});
