import * as React from 'react';

/**
 * Focus an element by id once it is rendered: a row just added exists only after the parent has
 * applied onChange (which renders this component again), and a moved row's button after React
 * has reordered the list.
 */
export function usePendingFocus(): (id: string) => void {
  const target = React.useRef<string | null>(null);
  React.useEffect(() => {
    if (target.current === null) return;
    const element = document.getElementById(target.current);
    if (!element) return;
    element.focus();
    target.current = null;
  });
  return React.useCallback((id: string) => {
    target.current = id;
  }, []);
}
