type Payload = Record<string, unknown>;
type Listener = (payload: Payload, abort?: () => void) => void | Promise<void>;
type Implementation = (payload: Payload) => unknown;
/** Flex's PayloadUpdateFunction: completes a payload (a `task` for a `sid`…) before any listener sees it. */
type PayloadUpdate = (payload: Payload) => Payload;

/**
 * A stand-in for Flex's Actions framework: `before…`/`after…` listeners around named
 * actions, and `invokeAction` that runs them in Flex's order.
 */
export class ActionsStandIn {
  private listeners = new Map<string, Set<Listener>>();
  private implementations = new Map<string, { run: Implementation; updatePayload?: PayloadUpdate }>();

  registerAction(name: string, implementation: Implementation, payloadUpdateFunction?: PayloadUpdate): void {
    this.implementations.set(name, { run: implementation, updatePayload: payloadUpdateFunction });
  }

  addListener(event: string, listener: Listener): void {
    if (!this.listeners.has(event)) this.listeners.set(event, new Set());
    this.listeners.get(event)!.add(listener);
  }

  removeListener(event: string, listener: Listener): void {
    this.listeners.get(event)?.delete(listener);
  }

  async invokeAction(name: string, given: Payload = {}): Promise<void> {
    const action = this.implementations.get(name);
    const payload = action?.updatePayload ? action.updatePayload(given) : given;
    let aborted = false;
    for (const listener of this.listeners.get(`before${name}`) ?? []) {
      await listener(payload, () => (aborted = true));
    }
    if (aborted) return;
    await action?.run(payload);
    for (const listener of this.listeners.get(`after${name}`) ?? []) await listener(payload);
  }
}
