import * as React from 'react';
import type * as Flex from '@twilio/flex-ui';
import { CustomizationProvider } from '@twilio-paste/core/customization';

import { EN_STRINGS, PluginStringKey } from '../strings/en';
import { formatString } from '../strings/formatString';
import type { RegisteredStrings } from '../strings/registerStrings';

const StringsContext = React.createContext<RegisteredStrings>({ strings: EN_STRINGS, locale: 'en-US' });

/** `t('Key', {name: 'x'})`: one of the plugin's templates, filled in. */
export type Translate = (key: PluginStringKey, values?: Record<string, string | number>) => string;

/**
 * Paste's provider, which Flex hands its current theme so the plugin follows light/dark,
 * and the plugin's own context (translated strings, the agent's locale) around Flex's root.
 */
export function registerPluginProviders(flex: typeof Flex, strings: RegisteredStrings): void {
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

export function useStrings(): Translate {
  const { strings } = React.useContext(StringsContext);
  return React.useCallback((key, values) => formatString(strings[key] ?? EN_STRINGS[key], values), [strings]);
}

/** The agent's locale, for Intl formatting of dates, numbers and money. */
export function useLocale(): string {
  return React.useContext(StringsContext).locale;
}
