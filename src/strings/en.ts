/**
 * Every string the plugin shows, as Flex templates (`{{name}}` placeholders). Registered
 * into `manager.strings`, so a contact center can translate or reword any of them.
 */
export const EN_STRINGS = {
  UnifiedProfilesCustomerTabLabel: 'Customer',
  UnifiedProfilesLoading: 'Looking up the customer…',
  UnifiedProfilesMatchedBy: 'Matched by {{type}}',
  UnifiedProfilesNoName: 'Unnamed customer',
  UnifiedProfilesTraitsHeading: 'Traits',
  UnifiedProfilesAudiencesHeading: 'Audiences',
  UnifiedProfilesPredictionsHeading: 'Predictions',
  UnifiedProfilesIdentifiersHeading: 'Identifiers',
  UnifiedProfilesNoTraits: 'No traits recorded for this customer yet.',
  UnifiedProfilesPercentile: 'Top {{percent}}%',
  UnifiedProfilesNotFoundTitle: 'No customer profile found',
  UnifiedProfilesNotFoundBody: 'Nothing in Segment matches this contact. Search by email, phone or user id.',
  UnifiedProfilesErrorTitle: 'The customer profile could not be loaded',
  UnifiedProfilesRetry: 'Try again',
  UnifiedProfilesSearchLabel: 'Find a customer',
  UnifiedProfilesSearchHelp: 'An email, a phone number, or type:value such as user_id:abc123',
  UnifiedProfilesSearchButton: 'Search',
  UnifiedProfilesSearchEmpty: 'Type an email, phone number or identifier to search.',
  UnifiedProfilesNetworkError: 'The profile service could not be reached. Check your connection and try again.',
  UnifiedProfilesTimeoutError: 'The profile service did not answer in time. Try again in a moment.',
  UnifiedProfilesUnifyNavLabel: 'Unify',
  UnifiedProfilesUnifyHeading: 'Segment Unify',
  UnifiedProfilesUnifyIntro:
    'Unified Profiles shows agents the Segment Unify profile of the customer on every task. The connection is held by the Functions service, so no Segment secret reaches the browser.',
  UnifiedProfilesUnifyForbidden: 'Only supervisors and administrators can set up the Segment connection.',
  UnifiedProfilesUnifyDocsHint:
    'Set SEGMENT_SPACE_ID and SEGMENT_PROFILE_API_TOKEN in the Functions service, as docs/configuration.md explains.',
  UnifiedProfilesUnifyConnectionHeading: 'Connection',
  UnifiedProfilesUnifyLoading: 'Reading the connection settings…',
  UnifiedProfilesUnifyLoadFailed: 'The connection settings could not be read',
  UnifiedProfilesUnifyReady: 'Ready: agents see customer profiles.',
  UnifiedProfilesUnifyMissing: 'Not connected. Missing in the Functions service: {{missing}}.',
  UnifiedProfilesUnifyRegion: 'Profile API',
  UnifiedProfilesUnifyRegionUs: 'United States ({{host}})',
  UnifiedProfilesUnifyRegionEu: 'Europe ({{host}})',
  UnifiedProfilesUnifyRegionOther: 'Other host ({{host}})',
  UnifiedProfilesUnifySpace: 'Unify space',
  UnifiedProfilesUnifyNotSet: 'Not set',
  UnifiedProfilesUnifyToken: 'Profile API token',
  UnifiedProfilesUnifyTokenSet: 'Set (kept in the Functions service)',
  UnifiedProfilesUnifyPriority: 'Identifier priority',
  UnifiedProfilesUnifyCountry: 'Default phone country',
} as const;

export type PluginStringKey = keyof typeof EN_STRINGS;
export type PluginStrings = Record<PluginStringKey, string>;
