import * as React from 'react';

/** The options Flex's `Content.add` takes (ContentFragmentProps in @twilio/flex-ui). */
export interface FragmentOptions {
  sortOrder?: number;
  align?: 'start' | 'end';
  if?: (props: Record<string, unknown>) => boolean;
}

interface Fragment {
  element: React.ReactElement;
  options: FragmentOptions;
}

type Listener = () => void;

/**
 * A stand-in for Flex's DynamicContentStore: the `Content` of TaskCanvasTabs, SideNav and
 * ViewCollection. It keeps the same public surface (add, remove, replace, fragments).
 */
export class DynamicContentStore {
  private registered: Fragment[] = [];
  private listeners = new Set<Listener>();

  constructor(readonly name: string) {}

  add(element: React.ReactElement, options: FragmentOptions = {}): () => void {
    if (element.key === null) throw new Error(`${this.name}.Content.add: the element needs a key.`);
    this.registered = [...this.registered.filter((f) => f.element.key !== element.key), { element, options }];
    this.notify();
    return () => this.remove(element.key as React.Key);
  }

  remove(key: React.Key): () => void {
    this.registered = this.registered.filter((fragment) => fragment.element.key !== key);
    this.notify();
    return () => undefined;
  }

  replace(element: React.ReactElement, options: FragmentOptions = {}): () => void {
    this.registered = [];
    return this.add(element, options);
  }

  get fragments(): React.ReactElement[] {
    return this.registered.map(({ element }) => element);
  }

  /** The host's renderer: fragments whose `if` holds for the container's props, in sort order. */
  visibleFragments(props: Record<string, unknown>): React.ReactElement[] {
    return this.registered
      .filter(({ options }) => !options.if || options.if(props))
      .sort((a, b) => (a.options.sortOrder ?? 0) - (b.options.sortOrder ?? 0))
      .map(({ element }) => element);
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify() {
    this.listeners.forEach((listener) => listener());
  }
}

/** Re-renders a host container when a plugin adds to its content. */
export function useContentStore(store: DynamicContentStore, props: Record<string, unknown>): React.ReactElement[] {
  const [, setVersion] = React.useState(0);
  React.useEffect(() => store.subscribe(() => setVersion((version) => version + 1)), [store]);
  return store.visibleFragments(props);
}
