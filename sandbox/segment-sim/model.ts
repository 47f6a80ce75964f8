/** A profile as the simulator holds it: what Segment's Profile API routes read from. */
export type Collection = 'users' | 'accounts';
export type TraitClass = 'custom' | 'computed_trait' | 'audience';

export interface ExternalId {
  id: string;
  type: string;
  source_id: string;
  collection: Collection;
  created_at: string;
  encoding: 'none';
  first_message_id: string;
}

export interface TraitRecord {
  value: unknown;
  class: TraitClass;
  source_id: string;
  updated_at: string;
}

export interface SegmentEvent {
  type: 'track' | 'identify' | 'page' | 'screen' | 'group';
  event?: string;
  timestamp: string;
  message_id: string;
  source_id: string;
  properties: Record<string, unknown>;
  context: Record<string, unknown>;
  external_ids: Array<{ collection: Collection; type: string; id: string; encoding: 'none' }>;
  related: Record<string, unknown>;
}

export interface Profile {
  segmentId: string;
  collection: Collection;
  externalIds: ExternalId[];
  traits: Record<string, TraitRecord>;
  /** Newest first, as the API answers by default. */
  events: SegmentEvent[];
  /** Segment ids of linked profiles in the other collection (users ↔ accounts). */
  links: string[];
  /**
   * Inbound Flex engagements by channel over the profile's whole history, which computed
   * traits see even where the 14-day events look-back does not.
   */
  inboundChannels: Record<string, number>;
  /** Outbound Flex engagements over the whole history, for the optional Total outbounds computed trait. */
  outbounds: number;
  createdAt: string;
  updatedAt: string;
}

export const SOURCES = {
  web: 'src_sim_website',
  ios: 'src_sim_ios',
  flex: 'src_sim_flex_events',
  crm: 'src_sim_salesforce',
  computed: 'src_sim_personas_computed',
};
