import * as React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { EN_STRINGS, PluginStringKey, PluginStrings } from '../strings/en';
import { formatString } from '../strings/formatString';

const StringsContext = React.createContext<PluginStrings>(EN_STRINGS);

interface PluginContextValues {
  strings: PluginStrings;
}

/**
 * Paste's provider, which Flex hands its current theme so the plugin follows light/dark,
 * and the plugin's own context (translated strings) around Flex's root.
 */
export function registerPluginProviders(flex: typeof Flex, { strings }: PluginContextValues): void {
  flex.setProviders({
    PasteThemeProvider: CustomizationProvider,
    CustomProvider: (RootComponent) =>
      function UnifiedProfilesProviders(props) {
        return (
          <StringsContext.Provider value={strings}>
            <RootComponent {...props} />
          </StringsContext.Provider>
        );
      },
  });
}

/** `t('Key', {name: 'x'})` for the plugin's templates. */
export function useStrings(): (key: PluginStringKey, values?: Record<string, string | number>) => string {
  const strings = React.useContext(StringsContext);
  return React.useCallback((key, values) => formatString(strings[key] ?? EN_STRINGS[key], values), [strings]);
}
