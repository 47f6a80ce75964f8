import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { useStrings } from '../../shared/PluginProviders';
import type { TraitGroupDraft } from './layoutDraft';
import { groupField, groupName, layoutElementId, newTraitGroup, SECTION_FIELDS } from './layoutDraft';
import { AddRowFooter, RowFieldset, SectionFieldset } from './LayoutFieldset';
import type { FieldProblems } from './LayoutTextField';
import { LayoutTextField } from './LayoutTextField';
import { LAYOUT_LIMITS } from './readLayoutDraft';
import { RowButtons, useRowList } from './RowButtons';

const ADD_ID = layoutElementId('group-add');

interface TraitGroupsFieldsProps {
  groups: TraitGroupDraft[];
  onChange: (groups: TraitGroupDraft[]) => void;
  problems: FieldProblems;
}

/** "Trait groups": titled groups of traits in order, added, moved and removed by button. */
export function TraitGroupsFields({ groups, onChange, problems }: TraitGroupsFieldsProps) {
  const t = useStrings();
  const rows = useRowList(groups, onChange, (group) => groupField(group, 'title'), ADD_ID);
  const update = (index: number, change: Partial<TraitGroupDraft>) =>
    onChange(groups.map((group, at) => (at === index ? { ...group, ...change } : group)));
  const sectionProblem = problems.at(SECTION_FIELDS.traitGroups);

  return (
    <SectionFieldset
      id={layoutElementId(SECTION_FIELDS.traitGroups)}
      legend={t('UnifiedProfilesUnifyLayoutGroupsLegend')}
      help={[t('UnifiedProfilesUnifyLayoutGroupsHelp', { max: LAYOUT_LIMITS.traitGroups })]}
    >
      {groups.map((group, index) => {
        const n = index + 1;
        const name = groupName(group, n, t);
        const title = group.title.trim();
        return (
          <RowFieldset
            key={group.key}
            legend={
              title
                ? t('UnifiedProfilesUnifyLayoutGroupLegend', { n, title })
                : t('UnifiedProfilesUnifyLayoutGroupNumber', { n })
            }
          >
            <Box display="flex" flexWrap="wrap" columnGap="space40">
              <LayoutTextField
                field={groupField(group, 'title')}
                label={t('UnifiedProfilesUnifyLayoutGroupTitle')}
                value={group.title}
                onChange={(value) => update(index, { title: value })}
                problems={problems}
              />
              <LayoutTextField
                field={groupField(group, 'traits')}
                label={t('UnifiedProfilesUnifyLayoutGroupTraits')}
                help={t('UnifiedProfilesUnifyLayoutGroupTraitsHelp')}
                value={group.traits}
                onChange={(value) => update(index, { traits: value })}
                problems={problems}
              />
            </Box>
            <RowButtons
              rowKey={group.key}
              name={name}
              index={index}
              count={groups.length}
              onMove={(by) => rows.move(index, by)}
              onRemove={() => rows.remove(index)}
            />
          </RowFieldset>
        );
      })}
      <AddRowFooter
        id={ADD_ID}
        label={t('UnifiedProfilesUnifyLayoutAddGroup')}
        problem={sectionProblem}
        disabled={groups.length >= LAYOUT_LIMITS.traitGroups}
        onAdd={() => rows.add(newTraitGroup())}
      />
    </SectionFieldset>
  );
}
