import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { act, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import type { ITask } from '@twilio/flex-ui';

import { CustomerTabContent } from '../profile/CustomerTab';
import { createProfileLoader } from '../profile/profileLoader';
import { buildProfile } from '../profile/test-support/profileFixtures';
import { PLUGIN_NAMESPACE } from '../shared/namespace';
import { pluginReducer } from '../shared/pluginState';
import { fakeFunctionsClient } from '../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../shared/test-support/renderWithProviders';
import { BackendError, NETWORK_ERROR_CODE } from '../backend/FunctionsClient';
import { EngagementOutbox } from './engagementOutbox';
import { takeWrapupNote, WRAPUP_NOTE_MAX_CHARS } from './wrapupNotes';
import { WRAPUP_NOTE_MAX_CHARS as SERVER_MAX_CHARS } from '../../serverless/src/engagement/engagement-contract';

const task = (status: string) =>
  ({
    taskSid: 'WT1',
    status,
    taskStatus: status === 'wrapping' ? 'wrapping' : 'assigned',
    taskChannelUniqueName: 'voice',
    attributes: { from: '+14155550100', direction: 'inbound' },
    setAttributes: jest.fn(),
  }) as unknown as ITask;

function renderTab(status: string, outbox = new EngagementOutbox(async () => ({ sent: true }))) {
  const functions = fakeFunctionsClient({ lookupProfile: async () => ({ profile: buildProfile() }) });
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const loader = createProfileLoader(store, functions);
  return renderWithProviders(<CustomerTabContent task={task(status)} loader={loader} outbox={outbox} />, store);
}

beforeEach(() => window.localStorage.clear());

it('offers a wrap-up note only during wrap-up', async () => {
  renderTab('accepted');
  await screen.findByRole('heading', { name: 'Ana García' });
  expect(screen.queryByRole('textbox', { name: 'Wrap-up note (optional)' })).not.toBeInTheDocument();
});

it('keeps the note as it is typed, across a reload, and hands it over once for the Completed event', async () => {
  const first = renderTab('wrapping');
  const note = await screen.findByRole('textbox', { name: 'Wrap-up note (optional)' });
  await userEvent.type(note, 'Refund approved');
  expect(screen.getByText(/15 of 500 characters/)).toBeInTheDocument();
  first.unmount();

  renderTab('wrapping');
  expect(await screen.findByRole('textbox', { name: 'Wrap-up note (optional)' })).toHaveValue('Refund approved');
  expect(takeWrapupNote('WT1')).toBe('Refund approved');
  expect(takeWrapupNote('WT1')).toBeUndefined();
});

it('takes no more than /engagement does', async () => {
  expect(WRAPUP_NOTE_MAX_CHARS).toBe(SERVER_MAX_CHARS);
  renderTab('wrapping');
  expect(await screen.findByRole('textbox', { name: 'Wrap-up note (optional)' })).toHaveAttribute(
    'maxlength',
    String(WRAPUP_NOTE_MAX_CHARS),
  );
});

it('says when interactions wait for Segment, after a send failed', async () => {
  const outbox = new EngagementOutbox(async () => {
    throw new BackendError(NETWORK_ERROR_CODE, 'The profile service could not be reached.');
  });
  renderTab('wrapping', outbox);
  act(() => {
    outbox.add({ taskSid: 'WT1', event: 'initiated', occurredAt: new Date().toISOString() });
  });
  expect(await screen.findByText('Interactions waiting to be recorded in Segment: 1')).toBeInTheDocument();
});
