/** What the profile core needs to reach one Unify space; the Functions build it from env or the Unify tab. */
export interface SegmentSettings {
  /** https://profiles.segment.com (US) or https://profiles.euw1.segment.com (EU), or the simulator. */
  profileApiUrl: string;
  spaceId: string;
  profileApiToken: string;
  /** ISO 3166 alpha-2 country used to read national phone formats, e.g. 'US'. */
  defaultCountry: string;
  /** Identifier types in the order they win; types not listed are not looked up. */
  identifierPriority: string[];
  /**
   * Task attributes an admin named for an identifier type (`{ email: ['account_email'] }`), read
   * before the ones Flex channels use; dots go into nested attributes.
   */
  identifierAttributes?: Record<string, string[]>;
  /**
   * Identifier types an agent's typed search (/profile's `identifier`) may use, as the Customer tab
   * layout leaves them searchable; unset, any type in the priority.
   */
  searchableTypes?: string[];
}

/** Segment's 11 default identifiers in their default order, with Flex's `phone` after `email`. */
export const DEFAULT_IDENTIFIER_PRIORITY: readonly string[] = [
  'user_id',
  'email',
  'phone',
  'android.id',
  'android.idfa',
  'android.push_token',
  'anonymous_id',
  'ga_client_id',
  'group_id',
  'ios.id',
  'ios.idfa',
  'ios.push_token',
];

export const DEFAULT_PROFILE_API_URL = 'https://profiles.segment.com';
export const DEFAULT_COUNTRY = 'US';

/** Fills the optional parts so callers may pass only the url, space and token. */
export function withSettingDefaults(settings: Partial<SegmentSettings>): SegmentSettings {
  const priority = (settings.identifierPriority ?? []).map((type) => type.trim().toLowerCase()).filter(Boolean);
  return {
    profileApiUrl: (settings.profileApiUrl || DEFAULT_PROFILE_API_URL).replace(/\/+$/, ''),
    spaceId: settings.spaceId ?? '',
    profileApiToken: settings.profileApiToken ?? '',
    defaultCountry: (settings.defaultCountry || DEFAULT_COUNTRY).toUpperCase(),
    identifierPriority: priority.length > 0 ? priority : [...DEFAULT_IDENTIFIER_PRIORITY],
    ...(settings.identifierAttributes && Object.keys(settings.identifierAttributes).length > 0
      ? { identifierAttributes: settings.identifierAttributes }
      : {}),
    ...(settings.searchableTypes ? { searchableTypes: [...settings.searchableTypes] } : {}),
  };
}
