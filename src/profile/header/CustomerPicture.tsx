import * as React from 'react';
import { Box } from '@twilio-paste/core/box';

import { Initials } from './Initials';

/**
 * The customer's picture from the admin's picture trait (https only, checked by avatarUrlOf), in
 * the initials' circle; an address that does not load shows the initials instead.
 */
export function CustomerPicture({ src, alt, name }: { src?: string; alt: string; name: string }) {
  const [failedSrc, setFailedSrc] = React.useState<string>();
  if (!src || failedSrc === src) return <Initials name={name} />;
  return (
    <Box
      as="img"
      src={src}
      alt={alt}
      flexShrink={0}
      width="sizeIcon70"
      height="sizeIcon70"
      borderRadius="borderRadiusCircle"
      objectFit="cover"
      onError={() => setFailedSrc(src)}
    />
  );
}
