import * as FlexPlugin from '@twilio/flex-plugin';

import UnifiedProfilesPlugin from './UnifiedProfilesPlugin';

FlexPlugin.loadPlugin(UnifiedProfilesPlugin);
