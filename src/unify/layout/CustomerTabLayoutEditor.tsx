import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { useStrings } from '../../shared/PluginProviders';
import { HeaderFields } from './HeaderFields';
import { HistoryEventsFields } from './HistoryEventsFields';
import { IdentifierFields } from './IdentifierFields';
import type { CustomerTabLayoutDraft } from './layoutDraft';
import { layoutElementId, SECTION_FIELDS } from './layoutDraft';
import type { FieldProblems } from './LayoutTextField';
import { layoutProblems } from './readLayoutDraft';
import { TraitGroupsFields } from './TraitGroupsFields';

/** Problems with no field to leave: shown as soon as they exist. */
const ALWAYS_SHOWN: string[] = Object.values(SECTION_FIELDS);

export interface CustomerTabLayoutEditorProps {
  /** The draft (layoutDraft(saved) to start; readLayoutDraft(value) to save). */
  value: CustomerTabLayoutDraft;
  /** The saved identifier priority: one row each. */
  identifierTypes: string[];
  onChange: (next: CustomerTabLayoutDraft) => void;
  /**
   * The server's message about the layout (or readLayoutDraft's, when a save was refused): shown on
   * top, and every field's own message is then shown too, left or not.
   */
  problem?: string;
}

/** The Customer tab layout an admin sets: header, trait groups, history events and identifiers. */
export function CustomerTabLayoutEditor({ value, identifierTypes, onChange, problem }: CustomerTabLayoutEditorProps) {
  const t = useStrings();
  const found = React.useMemo(() => layoutProblems(value, t), [value, t]);
  const [touched, setTouched] = React.useState<ReadonlySet<string>>(() => new Set());
  const problems: FieldProblems = {
    at: (field) =>
      found.find(
        (each) =>
          each.field === field &&
          (Boolean(problem) ||
            ALWAYS_SHOWN.includes(field) ||
            (each.revealedBy ?? [field]).some((other) => touched.has(other))),
      )?.message,
    touch: (field) => setTouched((before) => (before.has(field) ? before : new Set(before).add(field))),
  };
  const onTop = [problem, problems.at(SECTION_FIELDS.layout)].filter(
    (message, index, all): message is string => Boolean(message) && all.indexOf(message) === index,
  );
  const headingId = layoutElementId('heading');

  return (
    <Box role="group" aria-labelledby={headingId} marginBottom="space50">
      <Heading as="h3" id={headingId} variant="heading50">
        {t('UnifiedProfilesUnifyLayoutHeading')}
      </Heading>
      <Text as="p" marginBottom="space40">
        {t('UnifiedProfilesUnifyLayoutIntro')}
      </Text>
      {onTop.length > 0 && (
        <Box marginBottom="space50">
          <Alert variant="error">
            {onTop.map((message) => (
              <Text as="p" key={message}>
                {message}
              </Text>
            ))}
          </Alert>
        </Box>
      )}
      <HeaderFields value={value} onChange={(change) => onChange({ ...value, ...change })} problems={problems} />
      <TraitGroupsFields
        groups={value.traitGroups}
        onChange={(traitGroups) => onChange({ ...value, traitGroups })}
        problems={problems}
      />
      <HistoryEventsFields
        events={value.historyEvents}
        onChange={(historyEvents) => onChange({ ...value, historyEvents })}
        problems={problems}
      />
      <IdentifierFields
        value={value}
        identifierTypes={identifierTypes}
        onChange={(identifiers) => onChange({ ...value, identifiers })}
        problems={problems}
      />
    </Box>
  );
}
