/**
 * The wire contract of /engagement: what the plugin sends and the Functions answer. Type-only and
 * import-free so the plugin can share it without pulling server code into the bundle.
 */

/** The moment of the task's life: the conversation ended (initiated), or wrap-up ended (completed). */
export type EngagementKind = 'initiated' | 'completed';

export interface EngagementRecord {
  taskSid: string;
  event: EngagementKind;
  /** ISO time of the moment, in the agent's browser; Segment corrects the clock skew with sentAt. */
  occurredAt: string;
  /** The agent's wrap-up note (completed only), at most ENGAGEMENT_LIMITS.wrapupNoteChars (500). */
  wrapupNote?: string;
}

/** Sent to Segment, or deliberately not (an admin excluded the channel). */
export interface EngagementResponse {
  sent: boolean;
  event: string;
  messageId: string;
  skipped?: 'channel_excluded';
}

/** The longest wrap-up note /engagement takes. */
export const WRAPUP_NOTE_MAX_CHARS = 500;
