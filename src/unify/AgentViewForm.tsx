import * as React from 'react';
import { Button } from '@twilio-paste/core/button';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';

import type { UnifyConfigResponse, UnifyConfigWrite } from '../../serverless/src/config/unify-contract';
import { useStrings } from '../shared/PluginProviders';
import { HighlightedTraits, highlightChoices, RECOMMENDED_HIGHLIGHTS } from './HighlightedTraits';
import { IdentifierPriority } from './IdentifierPriority';
import { SaveStatus } from './SaveStatus';
import { displayRows, readDisplayRows, sameDisplay, TraitDisplaySettings } from './TraitDisplaySettings';
import type { UnifyState } from './unifySlice';

interface AgentViewFormProps {
  config: UnifyConfigResponse;
  save: UnifyState['save'];
  onSave: (write: UnifyConfigWrite) => void;
}

/**
 * The admin's form for what agents see in the Customer tab: whom /profile matches first, the
 * highlighted traits, and how traits are named and shown.
 */
export function AgentViewForm({ config, save, onSave }: AgentViewFormProps) {
  const t = useStrings();
  const { connection } = config;
  const storeMissing = (config.configStoreMissing?.length ?? 0) > 0;
  const savedHighlights = connection.highlightedTraits ?? RECOMMENDED_HIGHLIGHTS;
  const [priority, setPriority] = React.useState<string[]>(connection.identifierPriority);
  const [highlights, setHighlights] = React.useState<string[]>(() => [...savedHighlights]);
  const [highlightBoxes, setHighlightBoxes] = React.useState<string[]>(() => highlightChoices(savedHighlights));
  const [displays, setDisplays] = React.useState(() => displayRows(connection.traitDisplay));
  const [displayProblem, setDisplayProblem] = React.useState<string>();
  // When these settings change (this admin's save, or another's seen in a conflict) the form starts
  // again from them; a check, or a save of the connection form, leaves what the admin is editing alone.
  const configRef = React.useRef(config);
  configRef.current = config;
  const savedKey = JSON.stringify([connection.identifierPriority, savedHighlights, connection.traitDisplay]);
  React.useEffect(() => {
    const saved = configRef.current.connection;
    const highlighted = saved.highlightedTraits ?? RECOMMENDED_HIGHLIGHTS;
    setPriority(saved.identifierPriority);
    setHighlights([...highlighted]);
    setHighlightBoxes(highlightChoices(highlighted));
    setDisplays(displayRows(saved.traitDisplay));
    setDisplayProblem(undefined);
  }, [savedKey]);

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const display = readDisplayRows(displays, t);
    setDisplayProblem(display.problem);
    if (display.problem) return;
    const write: UnifyConfigWrite = { revision: config.revision };
    if (priority.join(',') !== connection.identifierPriority.join(',')) write.identifierPriority = priority;
    if (highlights.join(',') !== savedHighlights.join(',')) write.highlightedTraits = highlights;
    if (!sameDisplay(display.value, connection.traitDisplay ?? {})) {
      write.traitDisplay = Object.keys(display.value).length > 0 ? display.value : null;
    }
    onSave(write);
  };

  return (
    <Box as="form" onSubmit={submit} aria-labelledby="unified-profiles-unify-agent-view">
      <SaveStatus config={config} save={save} />
      <IdentifierPriority order={priority} onChange={setPriority} problem={save.fieldErrors?.identifierPriority} />
      <HighlightedTraits
        chosen={highlights}
        choices={highlightBoxes}
        onChange={(chosen, choices) => {
          setHighlights(chosen);
          setHighlightBoxes(choices);
        }}
        problem={save.fieldErrors?.highlightedTraits}
      />
      <TraitDisplaySettings
        rows={displays}
        onChange={setDisplays}
        problem={displayProblem ?? save.fieldErrors?.traitDisplay}
      />
      <Button
        variant="primary"
        type="submit"
        loading={save.status === 'saving'}
        disabled={storeMissing}
        aria-describedby={storeMissing ? 'unified-profiles-unify-agent-view-store' : undefined}
      >
        {t('UnifiedProfilesUnifySaveAgentView')}
      </Button>
      {storeMissing && (
        <HelpText id="unified-profiles-unify-agent-view-store">
          {t('UnifiedProfilesUnifyAgentViewStoreMissing')}
        </HelpText>
      )}
    </Box>
  );
}
