import type { TimelineItem } from '../../../serverless/src/profile/types';
import { EN_STRINGS, PluginStringKey } from '../../strings/en';
import { formatString } from '../../strings/formatString';
import { timelineItem } from '../test-support/profileFixtures';
import { HistoryEventSetting, isShownInHistory, timelineSummary, timelineTitle, timelineWhen } from './timelineEvents';

const t = (key: PluginStringKey, values?: Record<string, string | number>) => formatString(EN_STRINGS[key], values);
const context = { t, locale: 'en-US' };

const EVENTS: HistoryEventSetting[] = [
  {
    event: 'Order Completed',
    label: 'Purchase',
    dateProperty: 'completed_at',
    primaryProperty: 'total',
    secondaryProperty: 'order_id',
  },
  { event: 'Trial Started' },
  { event: 'Plan Changed', primaryProperty: 'plan.name', secondaryProperty: 'price' },
];

const at = '2025-06-10T12:00:00.000Z';
const order = (properties: TimelineItem['properties']) => timelineItem('o1', 'Order Completed', at, properties);
const ofType = (type: string, name?: string): TimelineItem => ({ id: type, type, name, timestamp: at, properties: {} });

describe('the history an admin chose', () => {
  it("shows every event when no list is set, else Flex's own and the listed track events only", () => {
    const flex = timelineItem('f1', 'Flex - Engagement Completed', at);
    const listed = timelineItem('t1', 'Trial Started', at);
    const unlisted = timelineItem('p1', 'Product Viewed', at);
    const others = [ofType('page', 'Trial Started'), ofType('screen'), ofType('identify'), ofType('group')];
    const all = [flex, listed, unlisted, ...others];

    expect(all.filter((item) => isShownInHistory(item, undefined))).toEqual(all);
    expect(all.filter((item) => isShownInHistory(item, EVENTS))).toEqual([flex, listed]);
  });

  it("titles a listed event with the admin's name for it, else its own name", () => {
    expect(timelineTitle(order({}), t, EVENTS)).toBe('Purchase');
    expect(timelineTitle(timelineItem('t1', 'Trial Started', at), t, EVENTS)).toBe('Trial Started');
    expect(timelineTitle(order({}), t)).toBe('Order Completed');
  });

  it('sums a listed event up with its chosen properties, money in the event currency, skipping missing ones', () => {
    expect(timelineSummary(order({ total: 120, currency: 'eur', order_id: 'A-1042' }), context, EVENTS)).toBe(
      '€120.00 · A-1042',
    );
    // No currency on the event: the plain number.
    expect(timelineSummary(order({ total: 120, order_id: 'A-1042' }), context, EVENTS)).toBe('120 · A-1042');
    expect(timelineSummary(order({ order_id: 'A-1042' }), context, EVENTS)).toBe('A-1042');
    const planChanged = timelineItem('c1', 'Plan Changed', at, {
      plan: { name: 'Premium' },
      price: 49,
      currency: 'USD',
    });
    expect(timelineSummary(planChanged, context, EVENTS)).toBe('Premium · $49.00');
  });

  it('keeps the usual summary when the admin chose no property', () => {
    const trial = timelineItem('t1', 'Trial Started', at, { source: 'pricing page' });
    expect(timelineSummary(trial, context, EVENTS)).toBe('pricing page');
    expect(timelineSummary(order({ revenue: 120, currency: 'EUR', order_id: 'A-1042' }), context)).toBe(
      '€120.00 · A-1042',
    );
  });

  it("dates a listed event by the admin's date property when it holds a date, else when Segment received it", () => {
    const timeOf = (completed_at?: string) => timelineWhen(order(completed_at ? { completed_at } : {}), EVENTS);
    expect(timeOf('2025-06-07T09:30:00Z')).toEqual({ time: '2025-06-07T09:30:00.000Z', dayOnly: false });
    expect(timeOf('2025-06-07T11:30:00.250+02:00')).toEqual({ time: '2025-06-07T09:30:00.250Z', dayOnly: false });
    expect(timeOf('2025-06-07T04:30-0500')).toEqual({ time: '2025-06-07T09:30:00.000Z', dayOnly: false });
    expect(timeOf()).toEqual({ time: at, dayOnly: false });
    expect(timelineWhen(order({ completed_at: '2025-06-07T09:30:00Z' })).time).toBe(at);
  });

  it.each([
    ['a word', 'soon'],
    ['a number', '1'],
    ['a year in a text', 'Order 1234'],
    ['a date-time without its offset (any zone)', '2025-06-07T09:30:00'],
    ['a date in words', 'June 7, 2025'],
    ['a day that does not exist', '2025-02-30'],
  ])('does not read %s as a date: the event keeps when Segment received it', (_, completed_at) => {
    expect(timelineWhen(order({ completed_at }), EVENTS)).toEqual({ time: at, dayOnly: false });
  });

  it("reads a date-only property as that day where the agent is, with no time (not midnight UTC's evening before)", () => {
    const when = timelineWhen(order({ completed_at: '2024-05-01' }), EVENTS);
    expect(when.dayOnly).toBe(true);
    const day = new Date(when.time);
    expect([day.getFullYear(), day.getMonth() + 1, day.getDate(), day.getHours()]).toEqual([2024, 5, 1, 0]);
  });

  it('shows money only for properties named as money, not ones that merely contain the word', () => {
    const events: HistoryEventSetting[] = [
      { event: 'Cart Updated', primaryProperty: 'total_items', secondaryProperty: 'value' },
      { event: 'Order Refunded', primaryProperty: 'refund.amount', secondaryProperty: 'price_tier' },
    ];
    const cart = timelineItem('c1', 'Cart Updated', at, { total_items: 3, value: 59.9, currency: 'USD' });
    expect(timelineSummary(cart, context, events)).toBe('3 · $59.90');
    const refund = timelineItem('r1', 'Order Refunded', at, { refund: { amount: 20 }, price_tier: 2, currency: 'EUR' });
    expect(timelineSummary(refund, context, events)).toBe('€20.00 · 2');
  });
});
