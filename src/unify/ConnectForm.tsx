import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Option, Select } from '@twilio-paste/core/select';
import { Text } from '@twilio-paste/core/text';

import type {
  SecretState,
  SegmentRegion,
  UnifyConfigResponse,
  UnifyConfigWrite,
} from '../../serverless/src/config/unify-contract';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';
import { channelChoices, EngagementChannels, sameChannels } from './EngagementChannels';
import { SaveStatus } from './SaveStatus';
import { useSavedSettingsReset } from './useSavedSettingsReset';
import type { UnifyState } from './unifySlice';

type FieldName = 'workspaceSlug' | 'spaceId' | 'profileApiToken' | 'region' | 'writeKey';
type Values = Record<FieldName, string>;

/** Each field's label, where to find its value in Segment, and what a good value looks like. */
const FIELDS: { name: FieldName; label: PluginStringKey; help: PluginStringKey; secret?: boolean }[] = [
  { name: 'workspaceSlug', label: 'UnifiedProfilesUnifyFieldWorkspace', help: 'UnifiedProfilesUnifyHelpWorkspace' },
  { name: 'spaceId', label: 'UnifiedProfilesUnifyFieldSpace', help: 'UnifiedProfilesUnifyHelpSpace' },
  {
    name: 'profileApiToken',
    label: 'UnifiedProfilesUnifyFieldToken',
    help: 'UnifiedProfilesUnifyHelpToken',
    secret: true,
  },
  {
    name: 'writeKey',
    label: 'UnifiedProfilesUnifyFieldWriteKey',
    help: 'UnifiedProfilesUnifyHelpWriteKey',
    secret: true,
  },
];

const RULES: Partial<Record<FieldName, { pattern: RegExp; problem: PluginStringKey }>> = {
  workspaceSlug: { pattern: /^[a-z0-9][a-z0-9-]{0,99}$/, problem: 'UnifiedProfilesUnifyBadWorkspace' },
  spaceId: { pattern: /^spa_[A-Za-z0-9]{1,64}$/, problem: 'UnifiedProfilesUnifyBadSpace' },
  profileApiToken: { pattern: /^\S{8,512}$/, problem: 'UnifiedProfilesUnifyBadSecret' },
  writeKey: { pattern: /^\S{8,512}$/, problem: 'UnifiedProfilesUnifyBadSecret' },
};

function initialValues(config: UnifyConfigResponse): Values {
  const { connection } = config;
  return {
    workspaceSlug: connection.workspaceSlug ?? '',
    spaceId: connection.spaceId ?? '',
    region: connection.region,
    profileApiToken: '',
    writeKey: '',
  };
}

/** Only what the admin changed is sent; an empty secret field keeps the secret that is set. */
function changesOf(values: Values, config: UnifyConfigResponse): UnifyConfigWrite {
  const start = initialValues(config);
  const write: UnifyConfigWrite = { revision: config.revision };
  if (values.workspaceSlug !== start.workspaceSlug) write.workspaceSlug = values.workspaceSlug.trim() || null;
  if (values.spaceId !== start.spaceId) write.spaceId = values.spaceId.trim() || null;
  if (values.region !== start.region) write.region = values.region as SegmentRegion;
  if (values.profileApiToken) write.profileApiToken = values.profileApiToken.trim();
  if (values.writeKey) write.writeKey = values.writeKey.trim();
  return write;
}

function secretPlaceholder(secret: SecretState, t: ReturnType<typeof useStrings>) {
  return secret.set
    ? t('UnifiedProfilesUnifySecretSet', { last4: secret.last4 ?? '····' })
    : t('UnifiedProfilesUnifySecretNotSet');
}

interface ConnectFormProps {
  config: UnifyConfigResponse;
  save: UnifyState['save'];
  onSave: (write: UnifyConfigWrite) => void;
  /** The other form is saving: this one waits, so its save starts from the revision that one makes. */
  otherSaving: boolean;
}

/**
 * The admin's form to connect an existing Segment workspace, and which interactions go to it: checked
 * field by field, secrets write-only.
 */
export function ConnectForm({ config, save, onSave, otherSaving }: ConnectFormProps) {
  const t = useStrings();
  const [values, setValues] = React.useState<Values>(() => initialValues(config));
  const [problems, setProblems] = React.useState<Partial<Record<FieldName, string>>>({});
  const [excluded, setExcluded] = React.useState<string[]>(config.connection.engagementExcludedChannels);
  const [channels, setChannels] = React.useState<string[]>(() =>
    channelChoices(config.connection.engagementExcludedChannels),
  );
  // A check, or a save of the other form, leaves what the admin is typing alone.
  const { workspaceSlug, spaceId, region, profileApiToken, writeKey, engagementExcludedChannels } = config.connection;
  const savedKey = JSON.stringify([
    workspaceSlug,
    spaceId,
    region,
    profileApiToken,
    writeKey,
    engagementExcludedChannels,
  ]);
  const markSent = useSavedSettingsReset(savedKey, JSON.stringify([values, excluded]), () => {
    setValues(initialValues(config));
    setExcluded(engagementExcludedChannels);
    setChannels(channelChoices(engagementExcludedChannels));
  });
  // Once saved, a typed secret leaves the page even when it was the one already set (no change, no new revision).
  React.useEffect(() => {
    if (save.status === 'saved') setValues((typed) => ({ ...typed, profileApiToken: '', writeKey: '' }));
  }, [save.status]);
  const fieldError = (name: FieldName) => problems[name] ?? save.fieldErrors?.[name];

  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const found: Partial<Record<FieldName, string>> = {};
    for (const [name, rule] of Object.entries(RULES) as [FieldName, { pattern: RegExp; problem: PluginStringKey }][]) {
      const value = values[name].trim();
      if (value && !rule.pattern.test(value)) found[name] = t(rule.problem);
    }
    setProblems(found);
    if (Object.keys(found).length > 0) return;
    const write = changesOf(values, config);
    if (!sameChannels(excluded, config.connection.engagementExcludedChannels)) {
      write.engagementExcludedChannels = excluded;
    }
    markSent();
    onSave(write);
  };

  const secretOf = (name: FieldName) =>
    name === 'profileApiToken' ? config.connection.profileApiToken : config.connection.writeKey;

  return (
    <Box as="form" onSubmit={submit}>
      {(config.configStoreMissing?.length ?? 0) > 0 && (
        <Box marginBottom="space50">
          <Alert variant="warning">
            <Text as="p">
              {t('UnifiedProfilesUnifyStoreMissing', { missing: config.configStoreMissing!.join(', ') })}
            </Text>
          </Alert>
        </Box>
      )}
      <SaveStatus config={config} save={save} />
      {FIELDS.map(({ name, label, help, secret }) => {
        const id = `unified-profiles-unify-${name}`;
        const problem = fieldError(name);
        return (
          <Box key={name} marginBottom="space50">
            <Label htmlFor={id}>{t(label)}</Label>
            <Input
              id={id}
              name={name}
              type={secret ? 'password' : 'text'}
              autoComplete="off"
              value={values[name]}
              placeholder={secret ? secretPlaceholder(secretOf(name), t) : undefined}
              hasError={Boolean(problem)}
              aria-describedby={`${id}-help`}
              onChange={(event) => setValues({ ...values, [name]: event.target.value })}
            />
            <HelpText id={`${id}-help`} variant={problem ? 'error' : 'default'}>
              {problem ?? t(help)}
            </HelpText>
          </Box>
        );
      })}
      <Box marginBottom="space50">
        <Label htmlFor="unified-profiles-unify-region">{t('UnifiedProfilesUnifyFieldRegion')}</Label>
        <Select
          id="unified-profiles-unify-region"
          value={values.region}
          aria-describedby="unified-profiles-unify-region-help"
          onChange={(event) => setValues({ ...values, region: event.target.value })}
        >
          <Option value="us">{t('UnifiedProfilesUnifyRegionUs')}</Option>
          <Option value="eu">{t('UnifiedProfilesUnifyRegionEu')}</Option>
        </Select>
        <HelpText id="unified-profiles-unify-region-help" variant={fieldError('region') ? 'error' : 'default'}>
          {fieldError('region') ?? t('UnifiedProfilesUnifyHelpRegion')}
        </HelpText>
      </Box>
      <Box marginBottom="space50">
        <EngagementChannels
          excluded={excluded}
          choices={channels}
          onChange={setExcluded}
          problem={save.fieldErrors?.engagementExcludedChannels}
        />
      </Box>
      <Button
        variant="primary"
        type="submit"
        loading={save.status === 'saving'}
        disabled={(config.configStoreMissing?.length ?? 0) > 0 || otherSaving}
      >
        {t('UnifiedProfilesUnifySave')}
      </Button>
    </Box>
  );
}
