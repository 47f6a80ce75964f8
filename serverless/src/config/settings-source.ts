import type { FunctionContext } from '../http/twilio-runtime';
import { contextValue } from '../http/twilio-runtime';
import type { CustomerTabLayout, SegmentRegion, TraitDisplaySetting } from './unify-contract';

/** Segment settings as a source holds them: each one optional, a later source overriding an earlier. */
export interface SegmentSettingsInput {
  profileApiUrl?: string;
  spaceId?: string;
  profileApiToken?: string;
  defaultCountry?: string;
  identifierPriority?: string[];
  /** The Flex events source's write key, for the Tracking API. */
  writeKey?: string;
  trackingApiUrl?: string;
  /** Where the workspace is hosted; the environment's is read from SEGMENT_PROFILE_API_URL's host. */
  region?: SegmentRegion;
  /** For links into the Segment app (app.segment.com/<slug>/…). */
  workspaceSlug?: string;
  /** Task channel types (voice, sms…) /engagement keeps out of Segment; an empty list sends every channel. */
  engagementExcludedChannels?: string[];
  /** Traits the Customer tab highlights, in order (saved in the Unify tab only); [] none beyond the built-in lines. */
  highlightedTraits?: string[];
  /** Display names and field types by trait name (saved in the Unify tab only). */
  traitDisplay?: Record<string, TraitDisplaySetting>;
  /** The Customer tab's header, trait groups, history events and identifiers (saved in the Unify tab only). */
  customerTab?: CustomerTabLayout;
}

/**
 * Where settings come from: the environment first, then the Unify config store (settings saved in
 * the Unify tab, serverless/src/unify-config/saved-settings.ts) on top of it.
 */
export interface SettingsSource {
  readonly name: string;
  read(context: FunctionContext): Promise<SegmentSettingsInput>;
}

export const EU_PROFILE_API_HOST = 'profiles.euw1.segment.com';

/** The service's environment variables, as `context` carries them. */
export const environmentSettings: SettingsSource = {
  name: 'environment',
  async read(context) {
    const priority = contextValue(context, 'SEGMENT_IDENTIFIER_PRIORITY');
    const profileApiUrl = contextValue(context, 'SEGMENT_PROFILE_API_URL');
    const excluded = contextValue(context, 'UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS');
    return {
      profileApiUrl,
      spaceId: contextValue(context, 'SEGMENT_SPACE_ID'),
      profileApiToken: contextValue(context, 'SEGMENT_PROFILE_API_TOKEN'),
      defaultCountry: contextValue(context, 'SEGMENT_DEFAULT_COUNTRY'),
      identifierPriority: priority
        ?.split(',')
        .map((type) => type.trim())
        .filter(Boolean),
      writeKey: contextValue(context, 'SEGMENT_WRITE_KEY'),
      trackingApiUrl: contextValue(context, 'SEGMENT_TRACKING_API_URL'),
      region: profileApiUrl?.includes(`//${EU_PROFILE_API_HOST}`) ? 'eu' : undefined,
      workspaceSlug: contextValue(context, 'SEGMENT_WORKSPACE_SLUG'),
      // UNIFIED_PROFILES_ENGAGEMENT_EXCLUDED_CHANNELS=email,web: channel types, any case.
      engagementExcludedChannels: excluded
        ?.split(',')
        .map((channel) => channel.trim().toLowerCase())
        .filter(Boolean),
    };
  },
};
