import * as React from 'react';
import { Text, TextProps } from '@twilio-paste/core/text';
import { Tooltip } from '@twilio-paste/core/tooltip';

interface RevealOnFocusProps extends Pick<TextProps, 'color' | 'fontSize' | 'fontWeight'> {
  /** What hover and keyboard focus reveal: an exact time, a percentile, where a line came from. */
  detail: string;
  children: React.ReactNode;
}

/** Text that shows its detail on hover and on keyboard focus (so it is reachable without a mouse). */
export function RevealOnFocus({ detail, children, ...textProps }: RevealOnFocusProps) {
  return (
    <Tooltip text={detail}>
      <Text as="span" tabIndex={0} {...textProps}>
        {children}
      </Text>
    </Tooltip>
  );
}
