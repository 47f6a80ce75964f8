import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { useStrings } from '../../shared/PluginProviders';
import type { PluginStringKey } from '../../strings/en';
import type { HistoryEventDraft } from './layoutDraft';
import { eventField, layoutElementId, newHistoryEvent, SECTION_FIELDS } from './layoutDraft';
import { AddRowFooter, RowFieldset, SectionFieldset } from './LayoutFieldset';
import type { FieldProblems } from './LayoutTextField';
import { LayoutTextField } from './LayoutTextField';
import { LAYOUT_LIMITS } from './readLayoutDraft';
import { RowButtons, useRowList } from './RowButtons';

const ADD_ID = layoutElementId('event-add');

type Part = Exclude<keyof HistoryEventDraft, 'key'>;
const PARTS: { part: Part; label: PluginStringKey }[] = [
  { part: 'event', label: 'UnifiedProfilesUnifyLayoutEventName' },
  { part: 'label', label: 'UnifiedProfilesUnifyLayoutEventLabel' },
  { part: 'dateProperty', label: 'UnifiedProfilesUnifyLayoutEventDateProperty' },
  { part: 'primaryProperty', label: 'UnifiedProfilesUnifyLayoutEventPrimaryProperty' },
  { part: 'secondaryProperty', label: 'UnifiedProfilesUnifyLayoutEventSecondaryProperty' },
];

interface HistoryEventsFieldsProps {
  events: HistoryEventDraft[];
  onChange: (events: HistoryEventDraft[]) => void;
  problems: FieldProblems;
}

/** "History events": the Segment events the history shows, each with how it is summed up. */
export function HistoryEventsFields({ events, onChange, problems }: HistoryEventsFieldsProps) {
  const t = useStrings();
  const rows = useRowList(events, onChange, (event) => eventField(event, 'event'), ADD_ID);
  const update = (index: number, part: Part, value: string) =>
    onChange(events.map((event, at) => (at === index ? { ...event, [part]: value } : event)));
  const sectionProblem = problems.at(SECTION_FIELDS.historyEvents);

  return (
    <SectionFieldset
      id={layoutElementId(SECTION_FIELDS.historyEvents)}
      legend={t('UnifiedProfilesUnifyLayoutEventsLegend')}
      help={[
        t('UnifiedProfilesUnifyLayoutEventsHelp', { max: LAYOUT_LIMITS.historyEvents }),
        t('UnifiedProfilesUnifyLayoutEventsPropertiesHelp'),
      ]}
    >
      {events.map((event, index) => {
        const n = index + 1;
        const name = event.event.trim();
        const numbered = t('UnifiedProfilesUnifyLayoutEventNumber', { n });
        return (
          <RowFieldset
            key={event.key}
            legend={name ? t('UnifiedProfilesUnifyLayoutEventLegend', { n, event: name }) : numbered}
          >
            <Box display="flex" flexWrap="wrap" columnGap="space40">
              {PARTS.map(({ part, label }) => (
                <LayoutTextField
                  key={part}
                  field={eventField(event, part)}
                  label={t(label)}
                  value={event[part]}
                  onChange={(value) => update(index, part, value)}
                  problems={problems}
                />
              ))}
            </Box>
            <RowButtons
              rowKey={event.key}
              name={name || numbered}
              index={index}
              count={events.length}
              onMove={(by) => rows.move(index, by)}
              onRemove={() => rows.remove(index)}
            />
          </RowFieldset>
        );
      })}
      <AddRowFooter
        id={ADD_ID}
        label={t('UnifiedProfilesUnifyLayoutAddEvent')}
        problem={sectionProblem}
        disabled={events.length >= LAYOUT_LIMITS.historyEvents}
        onAdd={() => rows.add(newHistoryEvent())}
      />
    </SectionFieldset>
  );
}
