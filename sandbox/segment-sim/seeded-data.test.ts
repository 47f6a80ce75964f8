import { DEMO_CUSTOMERS, UNKNOWN_CALLER_PHONE } from '../demo/customers';
import { EDGE_CASES } from './edge-cases';
import { DEMO_ACCOUNTS } from './demo-data';
import { simulatorForTest } from './test-client';

type Sim = Awaited<ReturnType<typeof simulatorForTest>>;
const identifiersOf = (customer: (typeof DEMO_CUSTOMERS)[number]) =>
  [
    customer.userId && `user_id:${customer.userId}`,
    customer.email && `email:${customer.email}`,
    customer.phone && `phone:${encodeURIComponent(customer.phone)}`,
    customer.anonymousId && `anonymous_id:${customer.anonymousId}`,
    customer.segmentId,
  ].filter((id): id is string => Boolean(id));

describe('Segment simulator: seeded data', () => {
  let sim: Sim;
  beforeAll(async () => {
    sim = await simulatorForTest({ rateLimitPerSecond: 10_000 });
  });
  afterAll(() => sim.simulator.close());

  it.each(DEMO_CUSTOMERS.map((customer) => [customer.key, customer] as const))(
    'serves demo customer %s by each identifier, with its traits and a prediction',
    async (_key, customer) => {
      for (const id of identifiersOf(customer)) {
        const { status, body } = await sim.users(`${id}/traits?limit=200`);
        expect(status).toBe(200);
        expect(body.traits).toEqual(expect.objectContaining(customer.traits));
        expect(body.traits.likelihood_to_churn).toBeGreaterThanOrEqual(0);
        expect(body.traits.likelihood_to_churn).toBeLessThanOrEqual(1);
        expect(body.traits.predicted_ltv).toEqual(expect.any(Number));
      }
      const ids = (await sim.users(`${customer.segmentId}/external_ids?limit=100`)).body.data;
      const expected = identifiersOf(customer).slice(0, -1).map(decodeURIComponent);
      expect(ids.map((id: { type: string; id: string }) => `${id.type}:${id.id}`).sort()).toEqual(expected.sort());
    },
  );

  it('gives demo customers Flex engagement events with the documented properties', async () => {
    const events = (await sim.users(`user_id:${DEMO_CUSTOMERS[0].userId}/events?limit=100`)).body.data;
    const flex = events.filter((event: { event?: string }) => event.event?.startsWith('Flex - Engagement'));
    expect(flex.length).toBeGreaterThan(0);
    for (const event of flex) {
      expect(event.properties).toEqual(
        expect.objectContaining({
          direction: expect.stringMatching(/^(Inbound|Outbound)$/),
          channelType: expect.any(String),
          queue: expect.any(String),
          lastKnownAgentWorkerSid: expect.stringMatching(/^WK/),
        }),
      );
    }
    expect(flex.some((event: { event: string }) => event.event === 'Flex - Engagement Completed')).toBe(true);
  });

  it('names the profile an event belongs to under related, as in the documented example', async () => {
    const customer = DEMO_CUSTOMERS[1];
    const [event] = (await sim.users(`user_id:${customer.userId}/events?limit=1`)).body.data;
    expect(event.related).toEqual({ users: customer.segmentId });
  });

  it.each(DEMO_ACCOUNTS.map((account) => [account.name, account] as const))(
    'links %s to its members both ways, without first_message_id as in the documented links example',
    async (_name, account) => {
      const members = DEMO_CUSTOMERS.filter((customer) => account.members.includes(customer.key));
      for (const member of members) {
        const links = (await sim.users(`${member.segmentId}/links`)).body;
        expect(links.cursor).toBeUndefined();
        expect(links.data).toContainEqual({
          to_collection: 'accounts',
          external_ids: [
            {
              id: account.groupId,
              type: 'group_id',
              source_id: expect.any(String),
              collection: 'accounts',
              created_at: expect.any(String),
              encoding: 'none',
            },
          ],
        });
      }
      const accountLinks = (await sim.profileGet(`accounts/profiles/group_id:${account.groupId}/links`)).body.data;
      const linkedUserIds = accountLinks.flatMap((link: { external_ids: Array<{ type: string; id: string }> }) =>
        link.external_ids.filter((id) => id.type === 'user_id').map((id) => id.id),
      );
      expect(linkedUserIds.sort()).toEqual(members.map((member) => member.userId).sort());
    },
  );

  it('matches nobody for the unknown caller, by any identifier type', async () => {
    for (const type of ['phone', 'user_id', 'email', 'anonymous_id']) {
      expect((await sim.users(`${type}:${encodeURIComponent(UNKNOWN_CALLER_PHONE)}/traits`)).status).toBe(404);
    }
  });

  it('holds the edge cases: 300 traits, 5,000 events, non-Latin names, no traits', async () => {
    let count = 0;
    let next = '';
    do {
      const page = await sim.users(
        `user_id:${EDGE_CASES.manyEvents.userId}/events?limit=100${next ? `&next=${encodeURIComponent(next)}` : ''}`,
      );
      count += page.body.data.length;
      next = page.body.cursor.has_more ? page.body.cursor.next : '';
    } while (next);
    expect(count).toBe(EDGE_CASES.manyEvents.eventCount);
    const manyTraits = await sim.users(`${EDGE_CASES.manyTraits.segmentId}/traits?limit=200`);
    expect(Object.keys(manyTraits.body.traits)).toHaveLength(200);
    expect(manyTraits.body.cursor.has_more).toBe(true);
    const nonLatin = await sim.users(`user_id:${EDGE_CASES.nonLatin.userId}/traits?include=name`);
    expect(nonLatin.body.traits.name).toMatch(/\p{Script=Han}/u);
    expect((await sim.users(`${EDGE_CASES.noTraits.segmentId}/traits`)).body.traits).toEqual({});
  });

  it('generates realistic crowd members with audiences, computed and predictive traits', async () => {
    const { body } = await sim.users('user_id:usr_sim_20/traits?limit=200');
    expect(body.traits).toEqual(
      expect.objectContaining({
        name: expect.stringMatching(/^[A-Z][a-z]+ [A-Z][a-z]+$/),
        email: expect.stringMatching(/@example\.net$/),
        phone: expect.stringMatching(/^\+1650\d{7}$/),
        high_value_customers: expect.any(Boolean),
        total_inbounds: expect.any(Number),
        predicted_ltv: expect.any(Number),
      }),
    );
    const links = (await sim.users('user_id:usr_sim_20/links')).body.data;
    expect(links[0].external_ids[0]).toEqual(expect.objectContaining({ type: 'group_id', id: 'grp_sim_2' }));
  });
});

describe('Segment simulator: seeds and sizes', () => {
  // Timestamps follow the clock at start-up; everything else follows the seed.
  const traitsOf = async (sim: Sim, id: string) => {
    const traits = (await sim.users(`${id}/traits?limit=200`)).body.traits;
    delete traits.created_at;
    return traits;
  };

  it('yields the same data for the same seed and other data for another', async () => {
    const [first, again, other] = await Promise.all([
      simulatorForTest({ seed: 7 }),
      simulatorForTest({ seed: 7 }),
      simulatorForTest({ seed: 8 }),
    ]);
    try {
      const id = 'user_id:usr_sim_42';
      expect(await traitsOf(first, id)).toEqual(await traitsOf(again, id));
      expect(await traitsOf(first, id)).not.toEqual(await traitsOf(other, id));
      // The demo customers keep their identifiers and traits whatever the seed.
      expect((await traitsOf(other, `user_id:${DEMO_CUSTOMERS[0].userId}`)).name).toBe(DEMO_CUSTOMERS[0].traits.name);
    } finally {
      await Promise.all([first, again, other].map((sim) => sim.simulator.close()));
    }
  });

  it('serves 100,000 customers, and no more than it was asked for', async () => {
    const big = await simulatorForTest({ customers: 100_000 });
    try {
      expect((await big.users('user_id:usr_sim_99999/metadata')).status).toBe(200);
      expect((await big.users('user_id:usr_sim_100000/metadata')).status).toBe(404);
      const health = await (await fetch(`${big.simulator.url}/__sim/health`)).json();
      expect(health).toEqual(expect.objectContaining({ ok: true, customers: 100_000, spaceId: 'spa_sandbox' }));
    } finally {
      await big.simulator.close();
    }
  });
});
