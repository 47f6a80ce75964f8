import * as React from 'react';
import type * as Flex from '@twilio/flex-ui';

import type { Store } from 'redux';
import type { FunctionsClient } from '../backend/FunctionsClient';
import { PanelErrorBoundary } from '../shared/PanelErrorBoundary';
import type { RootStateWithPlugin } from '../shared/pluginState';
import type { ProfilePreviewComponent } from './CustomerTabPreview';
import { canSetUpUnify } from './roles';
import { createUnifyLoader } from './unifyLoader';
import { UnifyNavLink } from './UnifyNavLink';
import { UnifySetupView } from './UnifySetupView';

export const UNIFY_VIEW_NAME = 'unified-profiles-unify';

/**
 * The "Unify" entry in Flex's side nav, for supervisors and admins, and the view it opens.
 * `ProfilePreview` shows a profile as the Customer tab does, for the view's preview.
 */
export function registerUnifySetup(
  flex: typeof Flex,
  manager: Flex.Manager,
  functions: FunctionsClient,
  ProfilePreview: ProfilePreviewComponent,
): void {
  if (!canSetUpUnify(manager.user.roles)) return;
  const loader = createUnifyLoader(manager.store as unknown as Store<RootStateWithPlugin>, functions);

  flex.SideNav.Content.add(<UnifyNavLink key={UNIFY_VIEW_NAME} viewName={UNIFY_VIEW_NAME} />);

  flex.ViewCollection.Content.add(
    <flex.View name={UNIFY_VIEW_NAME} key={UNIFY_VIEW_NAME}>
      <PanelErrorBoundary area="Unify view">
        <UnifySetupView loader={loader} ProfilePreview={ProfilePreview} />
      </PanelErrorBoundary>
    </flex.View>,
  );
}
