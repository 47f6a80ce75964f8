import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
import { Heading } from '@twilio-paste/core/heading';
import { Text } from '@twilio-paste/core/text';

import { useStrings } from '../../shared/PluginProviders';

/**
 * Asks before unlinking, in place above the profile. Inline rather than Paste's AlertDialog (which
 * brings a modal and react-spring, ~18 KB gzipped): focus moves here, Escape or Cancel backs out.
 */
export function UnlinkConfirmation({
  name,
  onConfirm,
  onCancel,
}: {
  name: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const t = useStrings();
  const box = React.useRef<HTMLDivElement>(null);
  React.useEffect(() => box.current?.focus(), []);
  return (
    <Box
      ref={box}
      role="group"
      aria-labelledby="unified-profiles-unlink-title"
      tabIndex={-1}
      padding="space50"
      marginBottom="space50"
      borderStyle="solid"
      borderWidth="borderWidth20"
      borderColor="colorBorderWarning"
      borderRadius="borderRadius20"
      backgroundColor="colorBackgroundWarningWeakest"
      onKeyDown={(event: React.KeyboardEvent) => event.key === 'Escape' && onCancel()}
    >
      <Heading as="h3" id="unified-profiles-unlink-title" variant="heading50">
        {t('UnifiedProfilesUnlinkTitle')}
      </Heading>
      <Text as="p" marginBottom="space40">
        {t('UnifiedProfilesUnlinkBody', { name })}
      </Text>
      <Box display="flex" columnGap="space30">
        <Button variant="destructive" size="small" onClick={onConfirm}>
          {t('UnifiedProfilesUnlinkConfirm')}
        </Button>
        <Button variant="secondary" size="small" onClick={onCancel}>
          {t('UnifiedProfilesCancel')}
        </Button>
      </Box>
    </Box>
  );
}
