import * as React from 'react';
import { Actions, SideLink } from '@twilio/flex-ui';

import { useStrings } from '../shared/PluginProviders';

interface UnifyNavLinkProps {
  viewName: string;
  /** Flex's SideNav passes the current view to every link it holds. */
  activeView?: string;
}

export function UnifyNavLink({ viewName, activeView }: UnifyNavLinkProps) {
  const t = useStrings();
  return (
    <SideLink
      showLabel={true}
      icon="Data"
      iconActive="DataBold"
      isActive={activeView === viewName}
      onClick={() => Actions.invokeAction('NavigateToView', { viewName })}
    >
      {t('UnifiedProfilesUnifyNavLabel')}
    </SideLink>
  );
}
