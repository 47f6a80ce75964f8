import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Checkbox } from '@twilio-paste/core/checkbox';

import { identifierTypeName } from '../../shared/identifierFormat';
import { useStrings } from '../../shared/PluginProviders';
import type { CustomerTabLayoutDraft, IdentifierDraft } from './layoutDraft';
import { identifierDraft, identifierField, layoutElementId } from './layoutDraft';
import { RowFieldset, SectionFieldset } from './LayoutFieldset';
import type { FieldProblems } from './LayoutTextField';
import { LayoutTextField } from './LayoutTextField';
import { LAYOUT_LIMITS } from './readLayoutDraft';

interface IdentifierFieldsProps {
  value: CustomerTabLayoutDraft;
  /** The saved identifier priority: a row each. */
  identifierTypes: string[];
  onChange: (identifiers: CustomerTabLayoutDraft['identifiers']) => void;
  problems: FieldProblems;
}

/** "Identifiers": per identifier type, its display name, whether agents search by it, and its task attributes. */
export function IdentifierFields({ value, identifierTypes, onChange, problems }: IdentifierFieldsProps) {
  const t = useStrings();
  // A type the layout names but the priority no longer lists still counts (/profile reads its task attributes).
  const others = Object.keys(value.identifiers).filter((type) => !identifierTypes.includes(type));
  const update = (type: string, change: Partial<IdentifierDraft>) =>
    onChange({ ...value.identifiers, [type]: { ...identifierDraft(value, type), ...change } });

  return (
    <SectionFieldset
      id={layoutElementId('identifiers')}
      legend={t('UnifiedProfilesUnifyLayoutIdentifiersLegend')}
      help={[t('UnifiedProfilesUnifyLayoutIdentifiersHelp')]}
    >
      {[...identifierTypes, ...others].map((type) => {
        const entry = identifierDraft(value, type);
        const name = identifierTypeName(type, t);
        return (
          <RowFieldset
            key={type}
            legend={others.includes(type) ? t('UnifiedProfilesUnifyLayoutIdentifierExtra', { identifier: name }) : name}
          >
            <Box display="flex" flexWrap="wrap" columnGap="space40" alignItems="flex-start">
              <LayoutTextField
                field={identifierField(type, 'label')}
                label={t('UnifiedProfilesUnifyLayoutIdentifierLabel')}
                placeholder={name}
                value={entry.label}
                onChange={(label) => update(type, { label })}
                problems={problems}
              />
              <LayoutTextField
                field={identifierField(type, 'taskAttributes')}
                label={t('UnifiedProfilesUnifyLayoutIdentifierTaskAttributes')}
                help={t('UnifiedProfilesUnifyLayoutIdentifierTaskAttributesHelp', {
                  max: LAYOUT_LIMITS.taskAttributesPerIdentifier,
                })}
                value={entry.taskAttributes}
                onChange={(taskAttributes) => update(type, { taskAttributes })}
                problems={problems}
              />
            </Box>
            <Checkbox
              id={layoutElementId(`identifier-${type}-searchable`)}
              checked={entry.searchable}
              onChange={(event) => update(type, { searchable: event.target.checked })}
            >
              {t('UnifiedProfilesUnifyLayoutIdentifierSearchable')}
            </Checkbox>
          </RowFieldset>
        );
      })}
    </SectionFieldset>
  );
}
