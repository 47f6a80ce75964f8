import * as React from 'react';
import { Alert, AlertVariants } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Spinner } from '@twilio-paste/core/spinner';
import { Text } from '@twilio-paste/core/text';

/** A spinner with words, announced politely to screen readers. */
export function LoadingStatus({ children }: { children: React.ReactNode }) {
  return (
    <Box display="flex" columnGap="space30" alignItems="center" role="status">
      <Spinner decorative={true} title="" />
      <Text as="span">{children}</Text>
    </Box>
  );
}

/** A Paste alert with a bold title over an explanation. */
export function TitledAlert({
  variant,
  title,
  children,
}: {
  variant: AlertVariants;
  title: string;
  children: React.ReactNode;
}) {
  return (
    <Alert variant={variant}>
      <Text as="strong" fontWeight="fontWeightSemibold">
        {title}
      </Text>
      <Text as="p">{children}</Text>
    </Alert>
  );
}
