import type { TimelineItem } from '../../../serverless/src/profile/types';
import { EN_STRINGS, PluginStringKey } from '../../strings/en';
import { formatString } from '../../strings/formatString';
import { timelineItem } from '../test-support/profileFixtures';
import { HistoryEventSetting, isShownInHistory, timelineSummary, timelineTime, timelineTitle } from './timelineEvents';

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
    expect(timelineTime(order({ completed_at: '2025-06-07T09:30:00Z' }), EVENTS)).toBe('2025-06-07T09:30:00.000Z');
    expect(timelineTime(order({ completed_at: 'soon' }), EVENTS)).toBe(at);
    expect(timelineTime(order({ completed_at: '1' }), EVENTS)).toBe(at);
    expect(timelineTime(order({}), EVENTS)).toBe(at);
    expect(timelineTime(order({ completed_at: '2025-06-07T09:30:00Z' }))).toBe(at);
  });
});
