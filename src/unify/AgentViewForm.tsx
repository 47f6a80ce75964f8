import * as React from 'react';
import { Button } from '@twilio-paste/core/button';
import { Box } from '@twilio-paste/core/box';
import { HelpText } from '@twilio-paste/core/help-text';

import type {
  CustomerTabLayout,
  UnifyConfigResponse,
  UnifyConfigWrite,
} from '../../serverless/src/config/unify-contract';
import type { CustomerProfile, ProfilePresentation } from '../../serverless/src/profile/types';
import { useStrings } from '../shared/PluginProviders';
import { CustomerTabPreview, type ProfilePreviewComponent } from './CustomerTabPreview';
import { HighlightedTraits, highlightChoices, RECOMMENDED_HIGHLIGHTS } from './HighlightedTraits';
import { IdentifierPriority } from './IdentifierPriority';
import { SaveStatus } from './SaveStatus';
import { displayRows, readDisplayRows, sameDisplay, TraitDisplaySettings } from './TraitDisplaySettings';
import type { UnifyState } from './unifySlice';
import { useSavedSettingsReset } from './useSavedSettingsReset';
import { CustomerTabLayoutEditor } from './layout/CustomerTabLayoutEditor';
import { layoutDraft } from './layout/layoutDraft';
import { readLayoutDraft } from './layout/readLayoutDraft';

/** Key order aside, the same layout: sent again it would be no change. */
function sameLayout(one: CustomerTabLayout, other: CustomerTabLayout): boolean {
  const canonical = (value: unknown): string =>
    JSON.stringify(value, (_, inner: unknown) =>
      inner && typeof inner === 'object' && !Array.isArray(inner)
        ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
        : inner,
    );
  return canonical(one) === canonical(other);
}

interface AgentViewFormProps {
  config: UnifyConfigResponse;
  save: UnifyState['save'];
  onSave: (write: UnifyConfigWrite) => void;
  /** The other form is saving: this one waits, so its save starts from the revision that one makes. */
  otherSaving: boolean;
  /** A customer of the connected space for the preview. */
  loadPreviewProfile: (identifier: string) => Promise<CustomerProfile>;
  ProfilePreview: ProfilePreviewComponent;
}

/**
 * The admin's form for what agents see in the Customer tab: whom /profile matches first, the
 * highlighted traits, how traits are named and shown, the tab's layout, and a preview of it all.
 */
export function AgentViewForm({
  config,
  save,
  onSave,
  otherSaving,
  loadPreviewProfile,
  ProfilePreview,
}: AgentViewFormProps) {
  const t = useStrings();
  const { connection } = config;
  const storeMissing = (config.configStoreMissing?.length ?? 0) > 0;
  const savedHighlights = connection.highlightedTraits ?? RECOMMENDED_HIGHLIGHTS;
  const [priority, setPriority] = React.useState<string[]>(connection.identifierPriority);
  const [highlights, setHighlights] = React.useState<string[]>(() => [...savedHighlights]);
  const [highlightBoxes, setHighlightBoxes] = React.useState<string[]>(() => highlightChoices(savedHighlights));
  const [displays, setDisplays] = React.useState(() => displayRows(connection.traitDisplay));
  const [displayProblem, setDisplayProblem] = React.useState<string>();
  const [layout, setLayout] = React.useState(() => layoutDraft(connection.customerTab));
  // Refused before sending: every field of the layout then shows what is wrong with it.
  const [layoutRefused, setLayoutRefused] = React.useState(false);
  const savedKey = JSON.stringify([
    connection.identifierPriority,
    savedHighlights,
    connection.traitDisplay,
    connection.customerTab,
  ]);
  const markSent = useSavedSettingsReset(savedKey, JSON.stringify([priority, highlights, displays, layout]), () => {
    const highlighted = connection.highlightedTraits ?? RECOMMENDED_HIGHLIGHTS;
    setPriority(connection.identifierPriority);
    setHighlights([...highlighted]);
    setHighlightBoxes(highlightChoices(highlighted));
    setDisplays(displayRows(connection.traitDisplay));
    setDisplayProblem(undefined);
    setLayout(layoutDraft(connection.customerTab));
    setLayoutRefused(false);
  });

  // The preview follows what is being edited; a part that does not read yet shows as saved.
  const readLayout = readLayoutDraft(layout, t);
  const readDisplay = readDisplayRows(displays, t);
  const previewLayout = readLayout.problem ? (connection.customerTab ?? {}) : readLayout.value;
  const previewDisplay = readDisplay.problem ? (connection.traitDisplay ?? {}) : readDisplay.value;
  const presentationKey = JSON.stringify([highlights, previewDisplay, previewLayout]);
  const presentation = React.useMemo<ProfilePresentation>(
    () => ({ highlightedTraits: highlights, traitDisplay: previewDisplay, customerTab: previewLayout }),
    // eslint-disable-next-line react-hooks/exhaustive-deps -- the key is the value
    [presentationKey],
  );

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const display = readDisplayRows(displays, t);
    setDisplayProblem(display.problem);
    setLayoutRefused(Boolean(readLayout.problem));
    if (display.problem || readLayout.problem) return;
    const write: UnifyConfigWrite = { revision: config.revision };
    if (priority.join(',') !== connection.identifierPriority.join(',')) write.identifierPriority = priority;
    if (highlights.join(',') !== savedHighlights.join(',')) write.highlightedTraits = highlights;
    if (!sameDisplay(display.value, connection.traitDisplay ?? {})) {
      write.traitDisplay = Object.keys(display.value).length > 0 ? display.value : null;
    }
    if (!sameLayout(readLayout.value, connection.customerTab ?? {})) {
      write.customerTab = Object.keys(readLayout.value).length > 0 ? readLayout.value : null;
    }
    markSent();
    onSave(write);
  };

  return (
    <>
      <Box as="form" onSubmit={submit}>
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
        <CustomerTabLayoutEditor
          value={layout}
          identifierTypes={priority}
          onChange={setLayout}
          problem={save.fieldErrors?.customerTab ?? (layoutRefused ? readLayout.problem : undefined)}
        />
        <Button
          variant="primary"
          type="submit"
          loading={save.status === 'saving'}
          disabled={storeMissing || otherSaving}
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
      <CustomerTabPreview presentation={presentation} loadProfile={loadPreviewProfile} Preview={ProfilePreview} />
    </>
  );
}
