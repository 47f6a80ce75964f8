import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

interface CursorState {
  /** The route and profile the cursor was issued for: a cursor is not portable. */
  scope: string;
  offset: number;
}

/**
 * Opaque `next` cursors, signed so that a forged or edited cursor is refused, and keyed per
 * simulator run so that a cursor from an earlier run is stale. Used for traits and external ids;
 * events use keyset cursors like Segment's (profile-api.ts).
 */
export class CursorCodec {
  private readonly key = randomBytes(16);

  encode(state: CursorState, style: 'base64' | 'base64url'): string {
    const payload = JSON.stringify(state);
    const signature = this.sign(payload);
    return Buffer.from(`${payload}.${signature}`).toString(style);
  }

  /** The offset to resume at, or undefined for a cursor this run did not issue for this scope. */
  decode(cursor: string, scope: string): number | undefined {
    const style = /[-_]/.test(cursor) ? 'base64url' : 'base64';
    const text = Buffer.from(cursor, style).toString('utf8');
    const separator = text.lastIndexOf('.');
    if (separator < 0) return undefined;
    const payload = text.slice(0, separator);
    const given = Buffer.from(text.slice(separator + 1));
    const expected = Buffer.from(this.sign(payload));
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    try {
      const state = JSON.parse(payload) as CursorState;
      return state.scope === scope && Number.isInteger(state.offset) && state.offset >= 0 ? state.offset : undefined;
    } catch {
      return undefined;
    }
  }

  private sign(payload: string): string {
    return createHmac('sha256', this.key).update(payload).digest('hex').slice(0, 24);
  }
}
