import { withSettingDefaults } from '../profile/settings';
import { missingSettings } from './segment-settings';
import type { SegmentSettingsInput } from './settings-source';

/** What /unify-config shows a supervisor or admin: every setting but the token, which is only "set" or not. */
export interface UnifyConfigView {
  profileApiUrl: string;
  spaceId: string | null;
  profileApiTokenSet: boolean;
  defaultCountry: string;
  identifierPriority: string[];
  /** Variables a lookup needs that are not set; empty when /profile can work. */
  missing: string[];
}

export function viewUnifyConfig(input: SegmentSettingsInput): UnifyConfigView {
  const complete = withSettingDefaults(input);
  return {
    profileApiUrl: complete.profileApiUrl,
    spaceId: input.spaceId ?? null,
    profileApiTokenSet: Boolean(input.profileApiToken),
    defaultCountry: complete.defaultCountry,
    identifierPriority: complete.identifierPriority,
    missing: missingSettings(input),
  };
}
