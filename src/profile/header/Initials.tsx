import * as React from 'react';
import { Box } from '@twilio-paste/core/box';
import { Text } from '@twilio-paste/core/text';

/** "Ana García" → "AG": the first letters of the first two words, in any script. */
export function initialsOf(name: string): string {
  return name
    .trim()
    .split(/\s+/)
    .slice(0, 2)
    .map((word) => Array.from(word)[0] ?? '')
    .join('')
    .toLocaleUpperCase();
}

/**
 * The customer's initials in a circle. Drawn here rather than with Paste's Avatar, which costs
 * ~2 KB gzipped of a bundle at its 150 KB budget; decorative, since the name is the heading beside it.
 */
export function Initials({ name }: { name: string }) {
  return (
    <Box
      aria-hidden="true"
      flexShrink={0}
      width="sizeIcon70"
      height="sizeIcon70"
      borderRadius="borderRadiusCircle"
      backgroundColor="colorBackgroundDecorative20Weakest"
      display="flex"
      alignItems="center"
      justifyContent="center"
    >
      <Text as="span" fontWeight="fontWeightSemibold" fontSize="fontSize30" color="colorTextDecorative20">
        {initialsOf(name)}
      </Text>
    </Box>
  );
}
