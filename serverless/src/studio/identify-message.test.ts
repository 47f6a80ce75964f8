import { identifyMessage, studioMessageId } from './identify-message';

const flow = { executionSid: `FN${'a'.repeat(32)}`, step: 'x'.repeat(40) };

describe('the messageId of a trait write', () => {
  it('is the same for the same execution, step, profile and values, in any field order', () => {
    const first = studioMessageId(flow, 'phone:+14155550100', { a: 1, b: 'two' });
    expect(studioMessageId(flow, 'phone:+14155550100', { b: 'two', a: 1 })).toBe(first);
  });

  it('differs for another step, execution, profile or value', () => {
    const first = studioMessageId(flow, 'phone:+14155550100', { a: 1 });
    expect(studioMessageId({ ...flow, step: 'other' }, 'phone:+14155550100', { a: 1 })).not.toBe(first);
    expect(studioMessageId({ ...flow, executionSid: `FN${'b'.repeat(32)}` }, 'phone:+14155550100', { a: 1 })).not.toBe(
      first,
    );
    expect(studioMessageId(flow, 'phone:+14155550101', { a: 1 })).not.toBe(first);
    expect(studioMessageId(flow, 'phone:+14155550100', { a: 2 })).not.toBe(first);
  });

  it('stays under Segment’s 100 characters with the longest step', () => {
    expect(studioMessageId(flow, 'phone:+14155550100', { a: 1 }).length).toBeLessThan(100);
  });
});

describe('the identify message', () => {
  it('names the customer as the identity says and carries the flow in context', () => {
    const message = identifyMessage(
      { anonymousId: 'flex-abc', traits: { phone: '+14155550100' }, externalIds: [] },
      { preferred_name: 'Ana' },
      { ...flow, flowSid: `FW${'c'.repeat(32)}` },
      'phone:+14155550100',
      new Date('2026-11-20T10:00:00.000Z'),
    );
    expect(message).toMatchObject({
      type: 'identify',
      anonymousId: 'flex-abc',
      traits: { preferred_name: 'Ana' },
      timestamp: '2026-11-20T10:00:00.000Z',
      context: {
        traits: { phone: '+14155550100' },
        studio: { flowSid: `FW${'c'.repeat(32)}`, executionSid: flow.executionSid, step: flow.step },
      },
    });
    expect(message).not.toHaveProperty('userId');
  });
});
