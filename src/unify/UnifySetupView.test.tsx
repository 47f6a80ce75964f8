import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';

import type { UnifyConfigView } from '../../serverless/src/config/unify-config-view';
import { BackendError } from '../backend/FunctionsClient';
import { fakeFunctionsClient } from '../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../shared/test-support/renderWithProviders';
import { UnifySetupView } from './UnifySetupView';

const CONNECTED: UnifyConfigView = {
  profileApiUrl: 'https://profiles.euw1.segment.com',
  spaceId: 'spa_9x',
  profileApiTokenSet: true,
  defaultCountry: 'GB',
  identifierPriority: ['user_id', 'email', 'phone'],
  missing: [],
};

function renderView(...answers: Array<() => Promise<{ config: UnifyConfigView }>>) {
  const functions = fakeFunctionsClient({
    readUnifyConfig: () => {
      const answer = answers.shift();
      if (!answer) throw new Error('No scripted answer left.');
      return answer();
    },
  });
  renderWithProviders(<UnifySetupView functions={functions} />, configureStore({ reducer: () => ({}) }));
}

describe('UnifySetupView', () => {
  it('shows how the Segment connection stands, without ever showing the token', async () => {
    renderView(async () => ({ config: CONNECTED }));

    expect(screen.getByRole('status')).toHaveTextContent('Reading the connection settings…');
    expect(await screen.findByText('Ready: agents see customer profiles.')).toBeInTheDocument();
    expect(screen.getByText('Profile API').nextSibling).toHaveTextContent('Europe (profiles.euw1.segment.com)');
    expect(screen.getByText('Unify space').nextSibling).toHaveTextContent('spa_9x');
    expect(screen.getByText('Profile API token').nextSibling).toHaveTextContent('Set (kept in the Functions service)');
    expect(screen.getByText('Identifier priority').nextSibling).toHaveTextContent('user_id › email › phone');
  });

  it('names the settings the Functions are missing', async () => {
    renderView(async () => ({
      config: {
        ...CONNECTED,
        spaceId: null,
        profileApiTokenSet: false,
        missing: ['SEGMENT_SPACE_ID', 'SEGMENT_PROFILE_API_TOKEN'],
      },
    }));

    expect(
      await screen.findByText(
        'Not connected. Missing in the Functions service: SEGMENT_SPACE_ID, SEGMENT_PROFILE_API_TOKEN.',
      ),
    ).toBeInTheDocument();
    expect(screen.getByText('Unify space').nextSibling).toHaveTextContent('Not set');
  });

  it('explains a failure and reads again on request', async () => {
    renderView(
      async () =>
        Promise.reject(new BackendError('forbidden', 'This needs the supervisor or admin role in Flex.', 403)),
      async () => ({ config: CONNECTED }),
    );

    expect(await screen.findByText('This needs the supervisor or admin role in Flex.')).toBeInTheDocument();
    await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
    expect(await screen.findByText('Ready: agents see customer profiles.')).toBeInTheDocument();
  });
});
