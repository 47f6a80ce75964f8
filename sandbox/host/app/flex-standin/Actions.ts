type Listener = (payload: Record<string, unknown>, abort?: () => void) => void | Promise<void>;
type Implementation = (payload: Record<string, unknown>) => void | Promise<void>;

/**
 * A stand-in for Flex's Actions framework: `before…`/`after…` listeners around named
 * actions, and `invokeAction` that runs them in Flex's order.
 */
export class ActionsStandIn {
  private listeners = new Map<string, Set<Listener>>();
  private implementations = new Map<string, Implementation>();

  registerAction(name: string, implementation: Implementation): void {
    this.implementations.set(name, implementation);
  }

  addListener(event: string, listener: Listener): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  removeListener(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
  }

  async invokeAction(name: string, payload: Record<string, unknown> = {}): Promise<void> {
    let aborted = false;
    for (const listener of this.listeners.get(`before${name}`) ?? []) {
      await listener(payload, () => (aborted = true));
    }
    if (aborted) return;
    await this.implementations.get(name)?.(payload);
    for (const listener of this.listeners.get(`after${name}`) ?? []) await listener(payload);
  }
}
