import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { useStrings } from '../shared/PluginProviders';
import { TitledAlert } from '../shared/StatusMessages';
import type { EngagementOutbox, OutboxStatus as Status } from './engagementOutbox';

function useOutboxStatus(outbox: EngagementOutbox): Status {
  const [status, setStatus] = React.useState(() => outbox.status());
  React.useEffect(() => {
    setStatus(outbox.status());
    return outbox.subscribe(() => setStatus(outbox.status()));
  }, [outbox]);
  return status;
}

/**
 * Said only when something waits after a failed send: interactions not yet in Segment (sent when it
 * answers), or not kept at all because the outbox is full.
 */
export function OutboxStatus({ outbox }: { outbox: EngagementOutbox }) {
  const t = useStrings();
  const { waiting, refused, full, retrying } = useOutboxStatus(outbox);
  if (!retrying && refused === 0) return null;
  return (
    <Box marginBottom="space40" data-testid="unified-profiles-outbox-status">
      {full || refused > 0 ? (
        <TitledAlert variant="warning" title={t('UnifiedProfilesOutboxFullTitle', { count: waiting })}>
          {t('UnifiedProfilesOutboxFullBody', { refused })}
        </TitledAlert>
      ) : (
        <TitledAlert variant="neutral" title={t('UnifiedProfilesOutboxWaitingTitle', { count: waiting })}>
          {t('UnifiedProfilesOutboxWaitingBody')}
        </TitledAlert>
      )}
    </Box>
  );
}
