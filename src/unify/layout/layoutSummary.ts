import type { CustomerTabLayout } from '../../../serverless/src/config/unify-contract';
import type { Translate } from '../../shared/PluginProviders';
import type { PluginStringKey } from '../../strings/en';
import { searchableByDefault } from './layoutDraft';

const counted = (count: number, one: PluginStringKey, many: PluginStringKey, t: Translate) =>
  count === 0 ? null : t(count === 1 ? one : many, { count });

/**
 * For a supervisor, in one line: "Name from first_name last_name · 2 trait groups · 3 history
 * events · 1 identifier renamed", or "Default layout".
 */
export function layoutSummary(layout: CustomerTabLayout | null | undefined, t: Translate): string {
  const identifiers = Object.entries(layout?.identifiers ?? {});
  const parts = [
    layout?.header?.nameTraits?.length
      ? t('UnifiedProfilesUnifyLayoutSummaryName', { traits: layout.header.nameTraits.join(' ') })
      : null,
    layout?.header?.secondaryTrait
      ? t('UnifiedProfilesUnifyLayoutSummarySecondary', { trait: layout.header.secondaryTrait })
      : null,
    layout?.header?.avatarTrait
      ? t('UnifiedProfilesUnifyLayoutSummaryAvatar', { trait: layout.header.avatarTrait })
      : null,
    counted(
      layout?.traitGroups?.length ?? 0,
      'UnifiedProfilesUnifyLayoutSummaryGroupsOne',
      'UnifiedProfilesUnifyLayoutSummaryGroupsMany',
      t,
    ),
    counted(
      layout?.historyEvents?.length ?? 0,
      'UnifiedProfilesUnifyLayoutSummaryEventsOne',
      'UnifiedProfilesUnifyLayoutSummaryEventsMany',
      t,
    ),
    counted(
      identifiers.filter(([, entry]) => entry.label).length,
      'UnifiedProfilesUnifyLayoutSummaryRenamedOne',
      'UnifiedProfilesUnifyLayoutSummaryRenamedMany',
      t,
    ),
    counted(
      identifiers.filter(
        ([type, entry]) => entry.searchable !== undefined && entry.searchable !== searchableByDefault(type),
      ).length,
      'UnifiedProfilesUnifyLayoutSummarySearchOne',
      'UnifiedProfilesUnifyLayoutSummarySearchMany',
      t,
    ),
    counted(
      identifiers.filter(([, entry]) => entry.taskAttributes?.length).length,
      'UnifiedProfilesUnifyLayoutSummaryAttributesOne',
      'UnifiedProfilesUnifyLayoutSummaryAttributesMany',
      t,
    ),
  ].filter((part): part is string => part !== null);
  return parts.length > 0 ? parts.join(' · ') : t('UnifiedProfilesUnifyLayoutSummaryDefault');
}
