import type * as Flex from '@twilio/flex-ui';

import { EN_STRINGS, PluginStrings } from './en';

/** Adds the plugin's templates to Flex's strings, keeping any the contact center already set. */
export function registerStrings(manager: Flex.Manager): PluginStrings {
  manager.strings = { ...EN_STRINGS, ...manager.strings };
  return manager.strings as unknown as PluginStrings;
}
