import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Text } from '@twilio-paste/core/text';

import type { Translate } from '../shared/PluginProviders';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import { ReorderList } from './reorder/ReorderList';

/** Highlighted when nothing is saved (as /unify-config answers then): how often the customer reached out, and how. */
const RECOMMENDED: { key: string; label: PluginStringKey }[] = [
  { key: 'total_inbounds', label: 'UnifiedProfilesUnifyTraitTotalInbounds' },
  { key: 'frequent_inbound_channel', label: 'UnifiedProfilesUnifyTraitFrequentChannel' },
];
export const RECOMMENDED_HIGHLIGHTS = RECOMMENDED.map(({ key }) => key);
/** As /unify-config checks a trait name (config-document.ts, TRAIT_NAME_SHAPE). */
const TRAIT_NAME_SHAPE = /^[A-Za-z0-9_][A-Za-z0-9_.:-]{0,99}$/;
export const MAX_HIGHLIGHTED_TRAITS = 12;

/** The boxes the form offers: the recommended traits, then any other the admin chose. */
export function highlightChoices(chosen: readonly string[]): string[] {
  return [...RECOMMENDED_HIGHLIGHTS, ...chosen.filter((key) => !RECOMMENDED_HIGHLIGHTS.includes(key))];
}

/**
 * The highlights with `key` ticked: it takes the place its box has among the ticked traits (before
 * the first whose box comes after it); the others keep the order the admin gave them.
 */
function withTicked(chosen: readonly string[], key: string, boxes: readonly string[]): string[] {
  const at = chosen.findIndex((other) => boxes.indexOf(other) > boxes.indexOf(key));
  return at === -1 ? [...chosen, key] : [...chosen.slice(0, at), key, ...chosen.slice(at)];
}

/** A recommended trait by its name ("Total inbounds"), any other by its key. */
function traitName(key: string, t: Translate): string {
  const recommended = RECOMMENDED.find((trait) => trait.key === key);
  return recommended ? t(recommended.label) : key;
}

/** For a supervisor: the traits by name, or "None beyond the built-in summary". */
export function highlightsSummary(chosen: readonly string[], t: Translate): string {
  if (chosen.length === 0) return t('UnifiedProfilesUnifyNoHighlights');
  return chosen.map((key) => traitName(key, t)).join(', ');
}

interface HighlightedTraitsProps {
  chosen: string[];
  /** Fixed while the admin edits, so unticking a trait of their own keeps its box. */
  choices: string[];
  onChange: (chosen: string[], choices: string[]) => void;
  problem?: string;
}

/**
 * "Highlighted traits": one box per trait, ticked when highlighted, a field to add another, and
 * the ticked ones in the order agents read them, which the admin changes (`chosen` keeps it).
 */
export function HighlightedTraits({ chosen, choices, onChange, problem }: HighlightedTraitsProps) {
  const t = useStrings();
  const [draft, setDraft] = React.useState('');
  const [draftProblem, setDraftProblem] = React.useState<string>();
  const tooMany = t('UnifiedProfilesUnifyTooManyHighlights', { max: MAX_HIGHLIGHTED_TRAITS });

  const toggle = (key: string, on: boolean) => {
    if (on && chosen.length >= MAX_HIGHLIGHTED_TRAITS) {
      setDraftProblem(tooMany);
      return;
    }
    setDraftProblem(undefined);
    onChange(on ? withTicked(chosen, key, choices) : chosen.filter((other) => other !== key), choices);
  };
  const add = () => {
    const key = draft.trim();
    if (!key) return;
    if (!TRAIT_NAME_SHAPE.test(key)) {
      setDraftProblem(t('UnifiedProfilesUnifyBadTraitName'));
      return;
    }
    if (!chosen.includes(key) && chosen.length >= MAX_HIGHLIGHTED_TRAITS) {
      setDraftProblem(tooMany);
      return;
    }
    const boxes = choices.includes(key) ? choices : [...choices, key];
    setDraft('');
    setDraftProblem(undefined);
    onChange(chosen.includes(key) ? chosen : withTicked(chosen, key, boxes), boxes);
  };

  const labelOf = (key: string) => {
    const recommended = RECOMMENDED.find((trait) => trait.key === key);
    return recommended ? t('UnifiedProfilesUnifyTraitRecommended', { trait: t(recommended.label), key }) : key;
  };

  return (
    <Box marginBottom="space50">
      <CheckboxGroup
        name="highlightedTraits"
        legend={t('UnifiedProfilesUnifyFieldHighlightedTraits')}
        helpText={t('UnifiedProfilesUnifyHelpHighlightedTraits')}
        errorText={problem}
      >
        {choices.map((key) => (
          <Checkbox
            key={key}
            id={`unified-profiles-unify-highlight-${key}`}
            value={key}
            checked={chosen.includes(key)}
            hasError={Boolean(problem)}
            onChange={(event) => toggle(key, event.target.checked)}
          >
            {labelOf(key)}
          </Checkbox>
        ))}
      </CheckboxGroup>
      {chosen.length > 1 && (
        <Box marginTop="space40">
          <Text as="p" id="unified-profiles-unify-highlight-order" fontWeight="fontWeightSemibold">
            {t('UnifiedProfilesUnifyHighlightOrder')}
          </Text>
          <ReorderList
            items={chosen}
            nameOf={(key) => traitName(key, t)}
            onReorder={(next) => onChange(next, choices)}
            idPrefix="unified-profiles-unify-highlight-order"
            labelledBy="unified-profiles-unify-highlight-order"
          />
        </Box>
      )}
      <Box marginTop="space40">
        <Label htmlFor="unified-profiles-unify-highlight-add">{t('UnifiedProfilesUnifyAddTraitLabel')}</Label>
        <Box display="flex" columnGap="space30" alignItems="flex-start">
          <Box flexGrow={1}>
            <Input
              id="unified-profiles-unify-highlight-add"
              type="text"
              autoComplete="off"
              value={draft}
              hasError={Boolean(draftProblem)}
              aria-describedby="unified-profiles-unify-highlight-add-help"
              onChange={(event) => setDraft(event.target.value)}
              onKeyDown={(event) => {
                // Enter adds the trait; it does not save the whole form.
                if (event.key === 'Enter') {
                  event.preventDefault();
                  add();
                }
              }}
            />
          </Box>
          <Button variant="secondary" onClick={add}>
            {t('UnifiedProfilesUnifyAddTrait')}
          </Button>
        </Box>
        <HelpText id="unified-profiles-unify-highlight-add-help" variant={draftProblem ? 'error' : 'default'}>
          {draftProblem ?? t('UnifiedProfilesUnifyAddTraitHelp')}
        </HelpText>
      </Box>
    </Box>
  );
}
