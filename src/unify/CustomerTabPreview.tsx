import * as React from 'react';
import { Alert } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { HelpText } from '@twilio-paste/core/help-text';
import { Input } from '@twilio-paste/core/input';
import { Label } from '@twilio-paste/core/label';
import { Text } from '@twilio-paste/core/text';

import type { CustomerProfile, ProfilePresentation } from '../../serverless/src/profile/types';
import { BackendError } from '../backend/FunctionsClient';
import { useStrings } from '../shared/PluginProviders';

/** Renders a profile as the Customer tab does; the plugin passes the profile feature's own. */
export type ProfilePreviewComponent = React.ComponentType<{ profile: CustomerProfile; fetchedAt: number }>;

interface CustomerTabPreviewProps {
  /** What the admin is editing, saved or not: the preview shows the customer through it. */
  presentation: ProfilePresentation;
  loadProfile: (identifier: string) => Promise<CustomerProfile>;
  Preview: ProfilePreviewComponent;
}

type PreviewState =
  | { status: 'idle' }
  | { status: 'loading' }
  | { status: 'shown'; profile: CustomerProfile; fetchedAt: number }
  | { status: 'failed'; message: string };

/**
 * The Customer tab as agents will see it, for a customer of the connected space the admin names,
 * through the settings being edited. Segment's Profile API cannot list profiles, so the admin names one.
 */
export function CustomerTabPreview({ presentation, loadProfile, Preview }: CustomerTabPreviewProps) {
  const t = useStrings();
  const [identifier, setIdentifier] = React.useState('');
  const [state, setState] = React.useState<PreviewState>({ status: 'idle' });
  const shown = React.useMemo(
    () => (state.status === 'shown' ? { ...state.profile, presentation } : undefined),
    [state, presentation],
  );

  // Only the newest request's answer is shown: an older, slower one must not replace it.
  const latest = React.useRef(0);
  const show = async (event: React.FormEvent) => {
    event.preventDefault();
    const typed = identifier.trim();
    if (!typed) {
      setState({ status: 'failed', message: t('UnifiedProfilesUnifyPreviewNeedCustomer') });
      return;
    }
    const request = ++latest.current;
    setState({ status: 'loading' });
    try {
      const profile = await loadProfile(typed);
      if (request === latest.current) setState({ status: 'shown', profile, fetchedAt: Date.now() });
    } catch (error) {
      if (request !== latest.current) return;
      const message =
        error instanceof BackendError && error.code === 'profile_not_found'
          ? t('UnifiedProfilesUnifyPreviewNotFound', { identifier: typed })
          : error instanceof BackendError
            ? error.message
            : t('UnifiedProfilesUnifyPreviewFailed');
      setState({ status: 'failed', message });
    }
  };

  return (
    <Box marginTop="space60">
      <Heading as="h3" variant="heading50">
        {t('UnifiedProfilesUnifyPreviewHeading')}
      </Heading>
      <Box as="form" display="flex" columnGap="space30" alignItems="flex-end" flexWrap="wrap" onSubmit={show}>
        <Box flexGrow={1} minWidth="size30">
          <Label htmlFor="unified-profiles-unify-preview-customer">{t('UnifiedProfilesUnifyPreviewCustomer')}</Label>
          <Input
            id="unified-profiles-unify-preview-customer"
            type="text"
            autoComplete="off"
            value={identifier}
            placeholder="email:ana@example.com"
            hasError={state.status === 'failed'}
            aria-describedby="unified-profiles-unify-preview-help"
            onChange={(event) => setIdentifier(event.target.value)}
          />
        </Box>
        <Button variant="secondary" type="submit" loading={state.status === 'loading'}>
          {t('UnifiedProfilesUnifyPreviewShow')}
        </Button>
      </Box>
      <HelpText id="unified-profiles-unify-preview-help" variant={state.status === 'failed' ? 'error' : 'default'}>
        {state.status === 'failed' ? state.message : t('UnifiedProfilesUnifyPreviewHelp')}
      </HelpText>
      {shown && state.status === 'shown' && (
        <Box
          as="section"
          aria-label={t('UnifiedProfilesUnifyPreviewRegion', { name: shown.displayName ?? shown.segmentId })}
          marginTop="space50"
          padding="space50"
          maxWidth="size50"
          borderStyle="solid"
          borderWidth="borderWidth10"
          borderColor="colorBorderWeak"
          borderRadius="borderRadius30"
        >
          <Box marginBottom="space40">
            <Alert variant="neutral">
              <Text as="p">{t('UnifiedProfilesUnifyPreviewNote')}</Text>
            </Alert>
          </Box>
          <Preview profile={shown} fetchedAt={state.fetchedAt} />
        </Box>
      )}
    </Box>
  );
}
