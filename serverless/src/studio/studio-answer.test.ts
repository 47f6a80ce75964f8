import { foundAnswer, missAnswer, routingHintsOf } from './studio-answer';

describe('the routing rule', () => {
  it.each<[string, Record<string, unknown>, string[], number, string | null]>([
    ['a VIP audience', {}, ['newsletter', 'high_value_customers'], 10, 'vip_audience'],
    ['an audience named vip', { likelihood_to_churn: 0.95 }, ['vip'], 10, 'vip_audience'],
    ['a churn risk (0.8 and above)', { likelihood_to_churn: 0.8 }, [], 5, 'churn_risk'],
    ['a negative last interaction', { sentiment_in_last_interaction: 'Negative' }, [], 5, 'negative_sentiment'],
    ['churn just under the line', { likelihood_to_churn: 0.79 }, ['cart_abandoners'], 0, null],
    ['a churn value that is no percentile', { likelihood_to_churn: 80 }, [], 0, null],
    ['nothing known', {}, [], 0, null],
  ])('%s → priority %i', (_label, traits, audiences, priority, reason) => {
    const hints = routingHintsOf(traits as never, audiences);
    expect(hints.priority).toBe(priority);
    expect(hints.reason).toBe(reason);
  });
});

describe('the answers', () => {
  const match = {
    type: 'email',
    value: 'ana@example.com',
    segmentId: null,
    displayName: 'Ana',
    traits: { plan: 'Premium' },
    audiences: [],
  };

  it('links a profile without a use_ id by its identifier alone, as linked_by studio, at the answer’s time', () => {
    const answer = foundAnswer(match, new Date('2026-11-20T10:00:00.000Z'));
    expect(answer.taskAttributes).toEqual({
      unified_profiles: {
        link: { identifier: 'email:ana@example.com', linked_at: '2026-11-20T10:00:00.000Z', linked_by: 'studio' },
      },
    });
  });

  it('says degraded only when Segment (or its configuration) failed, not for a miss', () => {
    expect(missAnswer('not_found').degraded).toBe(false);
    expect(missAnswer('no_identifier').degraded).toBe(false);
    for (const reason of ['segment_unavailable', 'rate_limited', 'segment_auth_failed', 'not_configured'] as const) {
      expect(missAnswer(reason).degraded).toBe(true);
    }
  });

  it('has the same fields found or not, so a flow’s Liquid never reads a missing one', () => {
    expect(Object.keys(missAnswer('not_found')).sort()).toEqual(
      [...Object.keys(foundAnswer(match, new Date())), 'reason'].sort(),
    );
  });
});
