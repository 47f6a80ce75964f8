import { EN_STRINGS, PluginStringKey } from '../../strings/en';
import { formatString } from '../../strings/formatString';
import {
  displayFieldType,
  formatPercentile,
  formatTraitValue,
  humanizeTraitKey,
  traitDisplayOf,
  traitFieldType,
} from './traitFormat';
import { formatDateExact, formatDuration, formatRelativeTime, formatTimeOfDay } from '../../shared/timeFormat';

const t = (key: PluginStringKey, values?: Record<string, string | number>) => formatString(EN_STRINGS[key], values);
const context = { t, locale: 'en-US', now: Date.parse('2026-11-29T12:00:00Z') };

describe('trait labels and field types', () => {
  it.each([
    ['first_name', 'First name'],
    ['lifetimeValue', 'Lifetime value'],
    ['predicted_ltv', 'Predicted LTV'],
    ['android.push_token', 'Android push token'],
    ['ios.idfa', 'iOS IDFA'],
    ['constructor', 'Constructor'], // a word, not Object's constructor
    ['to_string', 'To string'],
  ])('%s reads as %s', (key, label) => expect(humanizeTraitKey(key)).toBe(label));

  it.each([
    ['likelihood_to_churn', 0.3, true, 'reversedPercentile'],
    ['likelihood_to_purchase', 0.3, true, 'percentile'],
    ['lifetime_value', 4210.5, false, 'currency'],
    ['total_inbounds', 7, false, 'number'],
    ['last_seen_at', '2026-11-26T10:00:00Z', false, 'date'],
    ['website', 'https://example.com/a', false, 'link'],
    ['frequent_inbound_channel', 'whatsapp', false, 'enum'],
    ['favourite_colour', 'whatsapp', false, 'string'],
    ['tags', ['a', 'b'], false, 'list'],
    ['address', { city: 'Milano' }, false, 'object'],
    ['opted_in', true, false, 'boolean'],
  ] as const)('%s = %p is a %s', (key, value, isPrediction, type) => {
    expect(traitFieldType(key, value as never, isPrediction)).toBe(type);
  });
});

describe('values as an agent reads them', () => {
  it('reads percentiles in bands, the right way round for risk', () => {
    expect(formatPercentile(0.85, 'percentile', context)).toMatchObject({
      text: 'Top 25% – higher than average',
      tone: 'positive',
    });
    expect(formatPercentile(0.5, 'percentile', context)).toMatchObject({ text: 'Average', tone: 'neutral' });
    expect(formatPercentile(0.12, 'percentile', context)).toMatchObject({
      text: 'Bottom 25% – lower than average',
      tone: 'negative',
    });
    expect(formatPercentile(0.12, 'reversedPercentile', context)).toMatchObject({
      text: 'Low – bottom 25%',
      tone: 'positive',
    });
    expect(formatPercentile(0.88, 'reversedPercentile', context)).toMatchObject({
      text: 'High – top 25%',
      tone: 'negative',
    });
    expect(formatPercentile(0.12, 'reversedPercentile', context).exact).toContain('12%');
  });

  it('gives money its currency, dates as relative with the exact time, enums and booleans in words', () => {
    expect(formatTraitValue('lifetime_value', 4210.5, context).text).toBe('$4,210.50');
    expect(formatTraitValue('lifetime_value', 4210.5, { ...context, currency: 'EUR', locale: 'es-ES' }).text).toMatch(
      /^4210,50\s€$/,
    );
    const date = formatTraitValue('last_seen_at', '2026-11-26T12:00:00Z', context);
    expect(date.text).toBe('3 days ago');
    expect(date.exact).toMatch(/Nov 26, 2026/);
    expect(formatTraitValue('frequent_inbound_channel', 'whatsapp', context).text).toBe('WhatsApp');
    expect(formatTraitValue('opted_in', false, context).text).toBe('No');
    expect(formatTraitValue('address', { city: 'Milano', zip: '20121' }, context)).toMatchObject({
      text: '2 fields: city, zip',
      json: expect.stringContaining('"Milano"'),
    });
    expect(formatTraitValue('nickname', null, context).text).toBe('Not set');
  });

  it('shows an unreadable time as a dash instead of failing', () => {
    expect(formatRelativeTime('', context.now, 'en-US')).toBe('—');
    expect(formatDateExact('', 'en-US')).toBe('—');
    expect(formatTimeOfDay('not a date', 'en-US')).toBe('—');
  });

  it('says durations and elapsed time briefly', () => {
    expect(formatDuration(245, 'en-US')).toBe('4m 5s');
    expect(formatDuration(3725, 'en-US')).toBe('1h 2m');
    expect(formatRelativeTime('2026-11-29T11:58:00Z', context.now, 'en-US')).toBe('2 minutes ago');
    expect(formatRelativeTime(context.now, context.now, 'en-US')).toBe('now');
  });

  it('applies the field type an admin set when it fits the value, else reads it from name and value', () => {
    expect(displayFieldType('score', 0.9, true, { type: 'reversedPercentile' })).toBe('reversedPercentile');
    expect(displayFieldType('orders', 12, false, { type: 'currency' })).toBe('currency');
    expect(displayFieldType('amount', '12.5', false, { type: 'number' })).toBe('number');
    expect(displayFieldType('signup', '2024-03-01', false, { type: 'text' })).toBe('string');
    expect(displayFieldType('vip', 'yes', false, { type: 'boolean' })).toBe('string');
    expect(displayFieldType('score', 7, false, { type: 'percentile' })).toBe('number');
    expect(displayFieldType('portal', 'not a link', false, { type: 'link' })).toBe('string');
    expect(displayFieldType('when', 'soon', false, { type: 'date' })).toBe('string');
    expect(displayFieldType('address', { city: 'Milano' }, false, { type: 'text' })).toBe('object');
    expect(displayFieldType('lifetime_value', 10, false, { label: 'Spend' })).toBe('currency');
    expect(traitDisplayOf({}, 'constructor')).toBeUndefined();
    expect(traitDisplayOf(undefined, 'plan')).toBeUndefined();
  });
});
