import * as React from 'react';
import { Alert, AlertVariants } from '@twilio-paste/core/alert';
import { Box } from '@twilio-paste/core/box';
import { Button } from '@twilio-paste/core/button';
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

/** A failure the person can do something about: what went wrong, and a button to try again. */
export function FailureWithRetry({
  title,
  retryLabel,
  onRetry,
  children,
}: {
  title: string;
  retryLabel: string;
  onRetry: () => void;
  children: React.ReactNode;
}) {
  return (
    <>
      <TitledAlert variant="error" title={title}>
        {children}
      </TitledAlert>
      <Box marginTop="space40">
        <Button variant="secondary" onClick={onRetry}>
          {retryLabel}
        </Button>
      </Box>
    </>
  );
}
