/**
 * The slice of the `twilio` library's Sync v1 client the config store uses
 * (`client.sync.v1.services(sid)`), typed here so the Functions need no import of the library:
 * the runtime (or twilio-run) hands them a client.
 */

export interface SyncDocument {
  sid: string;
  uniqueName: string | null;
  /** Sync's revision: sent back as If-Match so a concurrent update answers 412 instead of being lost. */
  revision: string;
  data: unknown;
}

export interface SyncDocumentContext {
  fetch(): Promise<SyncDocument>;
  update(params: { data: object; ifMatch?: string }): Promise<SyncDocument>;
}

export interface SyncDocuments {
  /** A document by sid or unique name. */
  (sidOrUniqueName: string): SyncDocumentContext;
  create(params: { uniqueName: string; data: object }): Promise<SyncDocument>;
}

export interface SyncService {
  fetch(): Promise<{ sid: string; uniqueName: string | null }>;
  documents: SyncDocuments;
}

export interface TwilioSyncClient {
  accountSid: string;
  sync: { baseUrl: string; v1: { services(sid: string): SyncService } };
}

/** Twilio's error, as the library's RestException carries it: HTTP status and Twilio error code. */
export interface TwilioRestError {
  status: number;
  code?: number;
}

export function twilioRestError(error: unknown): TwilioRestError | undefined {
  const candidate = error as { status?: unknown; code?: unknown } | null;
  if (typeof candidate?.status !== 'number') return undefined;
  return { status: candidate.status, code: typeof candidate.code === 'number' ? candidate.code : undefined };
}

/** Twilio's codes the store tells apart (twilio.com/docs/api/errors/<code>). */
export const SYNC_ERRORS = {
  uniqueNameExists: 54301,
  revisionMismatch: 54103,
} as const;
