import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text, TextProps } from '@twilio-paste/core/text';

interface RevealOnFocusProps extends Pick<TextProps, 'color' | 'fontSize' | 'fontWeight'> {
  /** What hover and keyboard focus reveal: an exact time, a percentile, where a line came from. */
  detail: string;
  children: React.ReactNode;
}

let revealCount = 0;

/**
 * Text that shows its detail on hover and on keyboard focus, so it is reachable without a mouse.
 * Hand-made rather than Paste's Tooltip: that one brings reakit and popper, ~31 KB gzipped of a
 * 150 KB bundle budget, for a box that only needs to sit under its text.
 */
export function RevealOnFocus({ detail, children, ...textProps }: RevealOnFocusProps) {
  const [shown, setShown] = React.useState(false);
  const [id] = React.useState(() => `unified-profiles-reveal-${(revealCount += 1)}`);
  const show = () => setShown(true);
  const hide = () => setShown(false);
  return (
    <Box as="span" position="relative" display="inline-block">
      <Text
        as="span"
        tabIndex={0}
        aria-describedby={id}
        onMouseEnter={show}
        onMouseLeave={hide}
        onFocus={show}
        onBlur={hide}
        onKeyDown={(event: React.KeyboardEvent) => event.key === 'Escape' && hide()}
        textDecoration="underline dotted"
        {...textProps}
      >
        {children}
      </Text>
      <Box
        as="span"
        id={id}
        role="tooltip"
        display={shown ? 'block' : 'none'}
        position="absolute"
        top="100%"
        left="0"
        zIndex="zIndex30"
        marginTop="space10"
        paddingX="space30"
        paddingY="space20"
        minWidth="size20"
        maxWidth="size40"
        backgroundColor="colorBackgroundBodyInverse"
        color="colorTextInverse"
        borderRadius="borderRadius20"
        fontSize="fontSize20"
        lineHeight="lineHeight20"
        boxShadow="shadow"
      >
        {detail}
      </Box>
    </Box>
  );
}
