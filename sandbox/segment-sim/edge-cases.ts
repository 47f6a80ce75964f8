/** Profiles that stress the edges of the API and of the UI; tests find them by these identifiers. */
export const EDGE_CASES = {
  manyTraits: { segmentId: 'use_2Edge0Three0Hundred0Traits', userId: 'usr_edge_300_traits', traitCount: 301 },
  manyEvents: { segmentId: 'use_2Edge0Five0Thousand0Events', userId: 'usr_edge_5000_events', eventCount: 5000 },
  nonLatin: {
    segmentId: 'use_2Edge0Non0Latin0Names0000',
    userId: 'usr_edge_non_latin',
    email: 'misaki.tanaka@example.jp',
  },
  noTraits: { segmentId: 'use_2Edge0No0Traits0000000000', userId: 'usr_edge_no_traits' },
} as const;
