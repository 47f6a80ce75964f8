import * as Flex from '@twilio/flex-ui';
import { FlexPlugin } from '@twilio/flex-plugin';

import { createFunctionsClient } from './backend/FunctionsClient';
import { resolveFunctionsBaseUrl } from './backend/functionsBaseUrl';
import { registerEngagements } from './engagement/registerEngagements';
import { ProfilePreview } from './profile/ProfilePreview';
import { registerCustomerProfile } from './profile/registerCustomerProfile';
import { registerPluginProviders } from './shared/PluginProviders';
import { PLUGIN_NAMESPACE, pluginReducer } from './shared/pluginState';
import { registerStrings } from './strings/registerStrings';
import { registerUnifySetup } from './unify/registerUnifySetup';

const PLUGIN_NAME = 'UnifiedProfilesPlugin';

export default class UnifiedProfilesPlugin extends FlexPlugin {
  constructor() {
    super(PLUGIN_NAME);
  }

  /** The table of contents of the plugin: every hook into Flex, in order. */
  async init(flex: typeof Flex, manager: Flex.Manager): Promise<void> {
    if (!manager.store.addReducer) throw new Error('Flex store has no addReducer: Flex UI 2.x is required.');
    manager.store.addReducer(PLUGIN_NAMESPACE, pluginReducer);
    const registered = registerStrings(manager);
    // The token is read at call time: Flex refreshes it while the agent works.
    const functions = createFunctionsClient({
      baseUrl: resolveFunctionsBaseUrl(manager.serviceConfiguration),
      getToken: () => manager.user.token,
    });
    registerPluginProviders(flex, registered);
    const outbox = registerEngagements(flex, manager, functions);
    registerCustomerProfile(flex, manager, functions, registered.strings, outbox);
    registerUnifySetup(flex, manager, functions, ProfilePreview);
  }
}
