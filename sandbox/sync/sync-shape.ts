/** The sandbox's Sync subset: its services and resources as Twilio's Sync v1 REST API answers them. */
import { SANDBOX_ACCOUNT_SID } from '../host/taskrouter-shape';

export { SANDBOX_ACCOUNT_SID };

/** The plugin's own Sync service in the sandbox (UNIFIED_PROFILES_SYNC_SERVICE_SID). */
export const SANDBOX_SYNC_SERVICE_SID = 'IS00000000000000000000000000000001';
/** Flex's default service, also addressable as "default": present so the store's refusal of it can be seen. */
export const FLEX_DEFAULT_SYNC_SERVICE_SID = 'IS00000000000000000000000000000000';

export const SYNC_SERVICES = [
  { sid: SANDBOX_SYNC_SERVICE_SID, unique_name: 'unified-profiles', friendly_name: 'Unified Profiles (sandbox)' },
  { sid: FLEX_DEFAULT_SYNC_SERVICE_SID, unique_name: 'default', friendly_name: 'Default Service' },
] as const;

/** Sync's limit on a document's data (twilio.com/docs/sync/limits). */
export const MAX_DOCUMENT_DATA_BYTES = 16 * 1024;

/** A Document as Sync's REST API answers it (the fields the sandbox keeps, plus `url`). */
export interface DocumentResource {
  sid: string;
  unique_name: string | null;
  account_sid: string;
  service_sid: string;
  /** A string, as Sync sends it; also the ETag an update's If-Match must carry. */
  revision: string;
  data: Record<string, unknown>;
  date_expires: null;
  date_created: string;
  date_updated: string;
  created_by: string;
  url: string;
  links: Record<string, string>;
}

/** Twilio's error body. */
export interface TwilioErrorBody {
  code: number;
  message: string;
  more_info: string;
  status: number;
}
