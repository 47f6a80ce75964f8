/** What the Profile API answers, as far as this code reads it; every field may be missing. */
export interface SegmentCursor {
  url?: string;
  has_more?: boolean;
  next?: string;
}

export interface SegmentTraitsPage {
  traits?: Record<string, unknown>;
  cursor?: SegmentCursor;
}

export interface SegmentList<T> {
  data?: T[];
  cursor?: SegmentCursor;
}

export interface SegmentExternalId {
  id?: string;
  type?: string;
  source_id?: string;
  collection?: string;
  created_at?: string;
}

export interface SegmentEvent {
  type?: string;
  event?: string;
  timestamp?: string;
  message_id?: string;
  source_id?: string;
  properties?: Record<string, unknown>;
  related?: { users?: string };
}

export interface SegmentMetadata {
  metadata?: {
    created_at?: string;
    updated_at?: string;
    first_source_id?: string;
    last_source_id?: string;
  };
}

export interface SegmentLink {
  to_collection?: string;
  external_ids?: SegmentExternalId[];
}
