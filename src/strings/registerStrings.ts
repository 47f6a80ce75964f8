import type * as Flex from '@twilio/flex-ui';

import { EN_STRINGS, PluginStrings } from './en';
import { ES_STRINGS } from './es';

/** The plugin's templates per language; a language not listed here reads English. */
const STRINGS_BY_LANGUAGE: Record<string, PluginStrings> = { en: EN_STRINGS, es: ES_STRINGS };

export interface RegisteredStrings {
  strings: PluginStrings;
  /** The agent's locale as Flex holds it (e.g. es-ES): dates, numbers and money are formatted in it. */
  locale: string;
}

/** Adds the plugin's templates, in the agent's Flex language, to Flex's strings, keeping any the contact center set. */
export function registerStrings(manager: Flex.Manager): RegisteredStrings {
  const locale = manager.localization?.localeTag || 'en-US';
  const language = locale.split('-')[0].toLowerCase();
  manager.strings = { ...(STRINGS_BY_LANGUAGE[language] ?? EN_STRINGS), ...manager.strings };
  return { strings: manager.strings as unknown as PluginStrings, locale };
}
