type Handler = (...args: unknown[]) => void;

/** The event surface of TaskRouter's Worker and Reservation: `reservationCreated`, `rejected`, `timeout`… */
export class TaskRouterEmitter {
  private handlers = new Map<string, Set<Handler>>();

  on(event: string, handler: Handler): this {
    if (!this.handlers.has(event)) this.handlers.set(event, new Set());
    this.handlers.get(event)!.add(handler);
    return this;
  }

  off(event: string, handler: Handler): this {
    this.handlers.get(event)?.delete(handler);
    return this;
  }

  emit(event: string, ...args: unknown[]): void {
    this.handlers.get(event)?.forEach((handler) => handler(...args));
  }
}
