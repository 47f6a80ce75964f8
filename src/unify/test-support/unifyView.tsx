import * as React from 'react';
import { configureStore } from '@reduxjs/toolkit';

import type { UnifyConfigResponse } from '../../../serverless/src/config/unify-contract';
import type { FunctionsClient } from '../../backend/FunctionsClient';
import { PLUGIN_NAMESPACE } from '../../shared/namespace';
import { pluginReducer } from '../../shared/pluginState';
import { fakeFunctionsClient } from '../../shared/test-support/fakeFunctionsClient';
import { renderWithProviders } from '../../shared/test-support/renderWithProviders';
import { ProfilePreview } from '../../profile/ProfilePreview';
import { createUnifyLoader } from '../unifyLoader';
import { UnifySetupView } from '../UnifySetupView';

/** A connected space as /unify-config answers it to an admin, nothing checked or ticked yet. */
export function buildConfig(overrides: Partial<UnifyConfigResponse> = {}): UnifyConfigResponse {
  return {
    connection: {
      workspaceSlug: 'acme',
      spaceId: 'spa_9x',
      region: 'us',
      profileApiUrl: 'https://profiles.segment.com',
      profileApiToken: { set: true, last4: 'k3n9', source: 'saved' },
      writeKey: { set: false, last4: null, source: null },
      identifierPriority: ['user_id', 'email', 'phone'],
      engagementExcludedChannels: [],
    },
    revision: '3',
    missing: [],
    audit: [],
    lastCheck: null,
    canEdit: true,
    settingsCacheSeconds: 10,
    ...overrides,
  };
}

/** The Unify view over a Functions client whose given methods the test scripts. */
export function renderView(methods: Partial<FunctionsClient>) {
  const store = configureStore({ reducer: { [PLUGIN_NAMESPACE]: pluginReducer } });
  const loader = createUnifyLoader(store, fakeFunctionsClient(methods));
  renderWithProviders(<UnifySetupView loader={loader} ProfilePreview={ProfilePreview} />, store);
  return store;
}
