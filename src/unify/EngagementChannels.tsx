import * as React from 'react';
import { Checkbox, CheckboxGroup } from '@twilio-paste/core/checkbox';

import type { Translate } from '../shared/PluginProviders';
import { useStrings } from '../shared/PluginProviders';
import type { PluginStringKey } from '../strings/en';

/** The task channel types most Flex contact centers use, as /engagement reads them from a task. */
const COMMON_CHANNELS: { type: string; label: PluginStringKey }[] = [
  { type: 'voice', label: 'UnifiedProfilesChannelVoice' },
  { type: 'sms', label: 'UnifiedProfilesChannelSms' },
  { type: 'whatsapp', label: 'UnifiedProfilesChannelWhatsApp' },
  { type: 'web', label: 'UnifiedProfilesChannelWeb' },
  { type: 'email', label: 'UnifiedProfilesChannelEmail' },
  { type: 'messenger', label: 'UnifiedProfilesChannelMessenger' },
];

/** A channel type in words (`whatsapp` → WhatsApp); a type of this contact center's own stays as written. */
export function channelName(type: string, t: Translate): string {
  const common = COMMON_CHANNELS.find((channel) => channel.type === type);
  return common ? t(common.label) : type;
}

/** The channels the form offers: the common ones, then any other type the exclusion already names. */
export function channelChoices(excluded: readonly string[]): string[] {
  const common = COMMON_CHANNELS.map((channel) => channel.type);
  return [...common, ...excluded.filter((type) => !common.includes(type))];
}

/** Whether two exclusions name the same channels, in any order. */
export function sameChannels(one: readonly string[], other: readonly string[]): boolean {
  return one.length === other.length && one.every((type) => other.includes(type));
}

/** For a supervisor: "All channels", or "All channels except SMS, Email". */
export function sentChannelsSummary(excluded: readonly string[], t: Translate): string {
  if (excluded.length === 0) return t('UnifiedProfilesUnifyEngagementAllChannels');
  const channels = channelChoices(excluded)
    .filter((type) => excluded.includes(type))
    .map((type) => channelName(type, t))
    .join(', ');
  return t('UnifiedProfilesUnifyEngagementAllExcept', { channels });
}

interface EngagementChannelsProps {
  /** The channel types kept out of Segment: a ticked box is a channel sent. */
  excluded: string[];
  /** The choices to show: fixed while the admin edits, so unticking a channel of their own keeps its box. */
  choices: string[];
  onChange: (excluded: string[]) => void;
  problem?: string;
}

/** "Interactions sent to Segment": one box per channel, ticked when its engagements are sent. */
export function EngagementChannels({ excluded, choices, onChange, problem }: EngagementChannelsProps) {
  const t = useStrings();
  const toggle = (type: string, sent: boolean) => {
    const next = sent ? excluded.filter((other) => other !== type) : [...excluded, type];
    // In the order the boxes are shown, so the same choice always reads the same.
    onChange(choices.filter((choice) => next.includes(choice)));
  };

  return (
    <CheckboxGroup
      name="engagementChannels"
      legend={t('UnifiedProfilesUnifyFieldEngagementChannels')}
      helpText={t('UnifiedProfilesUnifyHelpEngagementChannels')}
      errorText={problem}
    >
      {choices.map((type) => (
        <Checkbox
          key={type}
          id={`unified-profiles-unify-channel-${type}`}
          value={type}
          checked={!excluded.includes(type)}
          hasError={Boolean(problem)}
          onChange={(event) => toggle(type, event.target.checked)}
        >
          {channelName(type, t)}
        </Checkbox>
      ))}
    </CheckboxGroup>
  );
}
