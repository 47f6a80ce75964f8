import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { useStrings } from '../../shared/PluginProviders';
import type { CustomerTabLayoutDraft } from './layoutDraft';
import { HEADER_FIELDS, layoutElementId } from './layoutDraft';
import { SectionFieldset } from './LayoutFieldset';
import type { FieldProblems } from './LayoutTextField';
import { LayoutTextField } from './LayoutTextField';

type HeaderDraft = Pick<CustomerTabLayoutDraft, 'nameTraits' | 'secondaryTrait' | 'avatarTrait'>;

interface HeaderFieldsProps {
  value: HeaderDraft;
  onChange: (change: Partial<HeaderDraft>) => void;
  problems: FieldProblems;
}

/** "Header": the traits the name, the line under it and the picture are read from. */
export function HeaderFields({ value, onChange, problems }: HeaderFieldsProps) {
  const t = useStrings();
  return (
    <SectionFieldset id={layoutElementId('header')} legend={t('UnifiedProfilesUnifyLayoutHeaderLegend')}>
      <LayoutTextField
        field={HEADER_FIELDS.nameTraits}
        label={t('UnifiedProfilesUnifyLayoutNameTraits')}
        help={t('UnifiedProfilesUnifyLayoutNameTraitsHelp')}
        value={value.nameTraits}
        onChange={(nameTraits) => onChange({ nameTraits })}
        problems={problems}
      />
      <Box display="flex" flexWrap="wrap" columnGap="space40">
        <LayoutTextField
          field={HEADER_FIELDS.secondaryTrait}
          label={t('UnifiedProfilesUnifyLayoutSecondaryTrait')}
          help={t('UnifiedProfilesUnifyLayoutSecondaryTraitHelp')}
          placeholder="company"
          value={value.secondaryTrait}
          onChange={(secondaryTrait) => onChange({ secondaryTrait })}
          problems={problems}
        />
        <LayoutTextField
          field={HEADER_FIELDS.avatarTrait}
          label={t('UnifiedProfilesUnifyLayoutAvatarTrait')}
          help={t('UnifiedProfilesUnifyLayoutAvatarTraitHelp')}
          value={value.avatarTrait}
          onChange={(avatarTrait) => onChange({ avatarTrait })}
          problems={problems}
        />
      </Box>
    </SectionFieldset>
  );
}
