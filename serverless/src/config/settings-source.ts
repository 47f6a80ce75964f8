import type { FunctionContext } from '../http/twilio-runtime';
import { contextValue } from '../http/twilio-runtime';

/** Segment settings as a source holds them: each one optional, a later source overriding an earlier. */
export interface SegmentSettingsInput {
  profileApiUrl?: string;
  spaceId?: string;
  profileApiToken?: string;
  defaultCountry?: string;
  identifierPriority?: string[];
}

/**
 * Where settings come from. The environment is the default; the Unify config store (settings
 * saved in the Unify tab) will be a second source layered on top of it.
 */
export interface SettingsSource {
  readonly name: string;
  read(context: FunctionContext): Promise<SegmentSettingsInput>;
}

/** The service's environment variables, as `context` carries them. */
export const environmentSettings: SettingsSource = {
  name: 'environment',
  async read(context) {
    const priority = contextValue(context, 'SEGMENT_IDENTIFIER_PRIORITY');
    return {
      profileApiUrl: contextValue(context, 'SEGMENT_PROFILE_API_URL'),
      spaceId: contextValue(context, 'SEGMENT_SPACE_ID'),
      profileApiToken: contextValue(context, 'SEGMENT_PROFILE_API_TOKEN'),
      defaultCountry: contextValue(context, 'SEGMENT_DEFAULT_COUNTRY'),
      identifierPriority: priority
        ?.split(',')
        .map((type) => type.trim())
        .filter(Boolean),
    };
  },
};
