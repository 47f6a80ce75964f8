import * as React from 'react';

/** False for the first paint, true right after: what is below the fold waits for what is above it. */
export function useAfterFirstPaint(): boolean {
  const [painted, setPainted] = React.useState(false);
  React.useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const frame = requestAnimationFrame(() => (timer = setTimeout(() => setPainted(true), 0)));
    return () => {
      cancelAnimationFrame(frame);
      if (timer) clearTimeout(timer);
    };
  }, []);
  return painted;
}
