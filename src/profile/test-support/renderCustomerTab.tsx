import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { screen } from '@testing-library/react';
import type { ITask } from '@twilio/flex-ui';

import type { CustomerProfile } from '../../../serverless/src/profile/types';
import { BackendError } from '../../backend/FunctionsClient';
import { PLUGIN_NAMESPACE } from '../../shared/namespace';
import { pluginReducer } from '../../shared/pluginState';
import { fakeFunctionsClient } from '../../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../../shared/test-support/renderWithProviders';
import { CustomerTabContent } from '../CustomerTab';
import { createProfileLoader } from '../profileLoader';

/** An assigned voice task from a phone number, as Flex hands it to the tab. */
export function voiceTask(attributes: Record<string, unknown> = { from: '+14155550100', direction: 'inbound' }) {
  return {
    taskSid: 'WT1',
    taskStatus: 'assigned',
    taskChannelUniqueName: 'voice',
    attributes,
    setAttributes: jest.fn(async () => undefined),
  } as unknown as ITask;
}

/** What /profile answers, in order: a profile, or `'not_found'`. */
type Answer = CustomerProfile | 'not_found';

/** The Customer tab of one task, with /profile answering as scripted; returns what it was asked. */
export function renderCustomerTab(answers: Answer[], task = voiceTask()) {
  const requests: unknown[] = [];
  const client = fakeFunctionsClient({
    lookupProfile: async (request) => {
      requests.push(request);
      const answer = answers.shift();
      if (!answer) throw new Error('No scripted answer left.');
      if (answer === 'not_found') throw new BackendError('profile_not_found', 'No Segment profile matches.', 404);
      return { profile: answer };
    },
  });
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const loader = createProfileLoader(store, client);
  renderWithProviders(<CustomerTabContent task={task} loader={loader} />, store);
  return { requests, loader };
}

/** The sections below the header render a frame after it: wait for the last of them. */
export const belowTheHeader = () => screen.findByRole('region', { name: 'History' });

/** The value shown beside a label in one of the tab's description lists. */
export const valueOf = (label: string) => screen.getByText(label, { selector: 'dt' }).nextElementSibling;
