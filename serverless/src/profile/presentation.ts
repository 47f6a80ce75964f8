import type { SegmentSettingsInput } from '../config/settings-source';
import { DEFAULT_HIGHLIGHTED_TRAITS } from '../unify-config/config-document';
import type { ProfilePresentation } from './types';

/** The Customer tab's presentation settings in effect: saved in the Unify view, else the recommended ones. */
export function presentationOf(settings: SegmentSettingsInput): ProfilePresentation {
  return {
    highlightedTraits: [...(settings.highlightedTraits ?? DEFAULT_HIGHLIGHTED_TRAITS)],
    traitDisplay: { ...settings.traitDisplay },
    customerTab: structuredClone(settings.customerTab ?? {}),
  };
}
