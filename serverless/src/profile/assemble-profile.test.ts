import { classifyTraits, displayNameOf, segmentIdOf, toTimelinePage, type FetchedProfile } from './assemble-profile';

const fetched = (overrides: Partial<FetchedProfile>): FetchedProfile => ({
  matched: { type: 'phone', value: '+14155550100', key: 'phone:+14155550100', pathId: 'phone:%2B14155550100' },
  traits: {},
  computedTraitNames: new Set(),
  audienceNames: new Set(),
  externalIds: null,
  metadata: null,
  events: null,
  linkedAccounts: [],
  cursors: [],
  ...overrides,
});

describe('classifyTraits', () => {
  it('splits by the classes the API reported, predictions being percentile computed traits named as such', () => {
    const split = classifyTraits(
      {
        plan: 'Premium',
        total_inbounds: 7,
        likelihood_to_purchase: 0.85,
        predicted_ltv: 1200,
        churn_likelihood: 'high',
        likelihood_custom: 0.3,
        vip: true,
        lapsed: false,
      },
      new Set(['total_inbounds', 'likelihood_to_purchase', 'predicted_ltv', 'churn_likelihood']),
      new Set(['vip', 'lapsed']),
    );
    expect(split).toEqual({
      custom: { plan: 'Premium', likelihood_custom: 0.3 },
      // Predicted lifetime value is in USD, not a percentile: a computed trait like any other.
      computed: { total_inbounds: 7, churn_likelihood: 'high', predicted_ltv: 1200 },
      audiences: { vip: true, lapsed: false },
      predictive: { likelihood_to_purchase: 0.85 },
    });
  });
});

describe('displayNameOf', () => {
  it('prefers name, then first and last name, then email, then phone', () => {
    expect(displayNameOf({ name: 'Ana García', first_name: 'A' }, [])).toBe('Ana García');
    expect(displayNameOf({ first_name: 'Priya' }, [])).toBe('Priya');
    expect(displayNameOf({ firstName: 'Kenji', lastName: 'Tanaka' }, [])).toBe('Kenji Tanaka');
    expect(displayNameOf({ name: '  ' }, [{ type: 'email', value: 'a@example.com' }])).toBe('a@example.com');
    expect(displayNameOf({}, [{ type: 'phone', value: '+14155550100' }])).toBe('+14155550100');
    expect(displayNameOf({}, [{ type: 'user_id', value: 'u1' }])).toBeNull();
  });
});

describe('segmentIdOf', () => {
  it('reads the use_ id from an absolute or relative cursor url, or from an event', () => {
    const absolute = 'https://profiles.segment.com/v1/spaces/x/collections/users/profiles/use_Abc123/traits?next=y';
    expect(segmentIdOf(fetched({ cursors: [{ url: absolute }] }))).toBe('use_Abc123');
    expect(
      segmentIdOf(
        fetched({ cursors: [{ url: '' }, { url: '/v1/spaces/x/collections/users/profiles/use_Def/traits' }] }),
      ),
    ).toBe('use_Def');
    expect(segmentIdOf(fetched({ events: { data: [{ related: { users: 'use_Ghi' } }] } }))).toBe('use_Ghi');
    expect(segmentIdOf(fetched({ cursors: [{ url: '/profiles/user_id:abc/traits' }] }))).toBeNull();
  });

  it('takes the use_ id the lookup went by (a task linked to the profile) before anything Segment echoed', () => {
    const bySegmentId = {
      type: 'phone',
      value: '+14155550100',
      key: 'use_Linked1',
      pathId: 'use_Linked1',
      segmentId: 'use_Linked1',
    };
    expect(segmentIdOf(fetched({ matched: bySegmentId }))).toBe('use_Linked1');
    const echoed = { url: '/v1/spaces/x/collections/users/profiles/use_Other/traits' };
    expect(segmentIdOf(fetched({ matched: bySegmentId, cursors: [echoed] }))).toBe('use_Linked1');
    expect(segmentIdOf(fetched({ matched: { ...bySegmentId, segmentId: 'use_../x' }, cursors: [echoed] }))).toBe(
      'use_Other',
    );
  });
});

describe('toTimelinePage', () => {
  it('names track and page events, keeps message ids, and hands back the cursor only if there is more', () => {
    const page = toTimelinePage({
      data: [
        { type: 'track', event: 'Order Completed', message_id: 'm1', timestamp: 't1', properties: { total: 3 } },
        { type: 'screen', message_id: 'm2', timestamp: 't2', properties: { name: 'Home' } },
        { type: 'group', message_id: 'm3', timestamp: 't3' },
      ],
      cursor: { has_more: true, next: 'abc' },
    });
    expect(page.items.map((item) => [item.id, item.type, item.name])).toEqual([
      ['m1', 'track', 'Order Completed'],
      ['m2', 'screen', 'Home'],
      ['m3', 'group', undefined],
    ]);
    expect(page.next).toBe('abc');
    expect(toTimelinePage({ data: [], cursor: { has_more: false, next: 'abc' } }).next).toBeNull();
    expect(toTimelinePage(null)).toEqual({ items: [], next: null });
  });
});

describe('events without a message_id', () => {
  it('get an id from their content: the same on every page, different for different events', () => {
    const order = {
      type: 'track',
      event: 'Order Completed',
      timestamp: '2026-11-28T10:00:00Z',
      properties: { total: 3 },
    };
    const view = { type: 'page', timestamp: '2026-11-28T10:00:00Z', properties: { title: 'Pricing' } };
    const first = toTimelinePage({ data: [view, order] });
    const second = toTimelinePage({ data: [order] });
    expect(second.items[0].id).toBe(first.items[1].id);
    expect(first.items[0].id).not.toBe(first.items[1].id);
    expect(first.items[1].id).toMatch(/^evt_[0-9a-f]{24}$/);
  });
});
