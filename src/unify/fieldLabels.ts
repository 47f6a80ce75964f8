import type { Translate } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import { setupStepFieldLabel } from './SetupChecklist';

/** The settings' names as the form labels them, for "who changed what" in the admin's language. */
const FIELD_LABELS: Record<string, PluginStringKey> = {
  workspaceSlug: 'UnifiedProfilesUnifyFieldWorkspace',
  spaceId: 'UnifiedProfilesUnifyFieldSpace',
  region: 'UnifiedProfilesUnifyFieldRegion',
  profileApiToken: 'UnifiedProfilesUnifyFieldToken',
  writeKey: 'UnifiedProfilesUnifyFieldWriteKey',
  identifierPriority: 'UnifiedProfilesUnifyFieldPriority',
  engagementExcludedChannels: 'UnifiedProfilesUnifyFieldEngagementChannels',
  highlightedTraits: 'UnifiedProfilesUnifyFieldHighlightedTraits',
  traitDisplay: 'UnifiedProfilesUnifyFieldTraitDisplay',
  customerTab: 'UnifiedProfilesUnifyLayoutHeading',
};

export const fieldLabels = (fields: string[], t: Translate): string =>
  fields
    .map((field) => (FIELD_LABELS[field] ? t(FIELD_LABELS[field]) : (setupStepFieldLabel(field, t) ?? field)))
    .join(', ');
