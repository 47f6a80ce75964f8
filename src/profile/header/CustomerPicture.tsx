import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { Initials } from './Initials';

/**
 * The customer's picture from the admin's picture trait (https only, checked by avatarUrlOf), in
 * the initials' circle; an address that does not load shows the initials instead. Decorative, as
 * the initials are: the name is the heading beside it.
 */
export function CustomerPicture({ src, name }: { src?: string; name: string }) {
  const [failedSrc, setFailedSrc] = React.useState<string>();
  if (!src || failedSrc === src) return <Initials name={name} />;
  return (
    <Box flexShrink={0} width="sizeIcon70" height="sizeIcon70" borderRadius="borderRadiusCircle" overflow="hidden">
      {/* A plain img: Paste's Box does not type referrerPolicy. Any client-side source can set the trait,
          so the picture's host is not told which page asked for it. */}
      <img
        src={src}
        alt=""
        referrerPolicy="no-referrer"
        width="100%"
        height="100%"
        style={{ display: 'block', objectFit: 'cover' }}
        onError={() => setFailedSrc(src)}
      />
    </Box>
  );
}
