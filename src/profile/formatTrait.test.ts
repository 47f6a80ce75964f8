import { formatTraitValue, humanizeTraitKey } from './formatTrait';

describe('humanizeTraitKey', () => {
  it.each([
    ['first_name', 'First name'],
    ['lifetimeValue', 'Lifetime value'],
    ['predicted_ltv', 'Predicted LTV'],
    ['android.push_token', 'Android push token'],
    ['user_id', 'User ID'],
  ])('%s reads as %s', (key, label) => {
    expect(humanizeTraitKey(key)).toBe(label);
  });
});

describe('formatTraitValue', () => {
  it('groups numbers, marks booleans, joins lists and shows an absent value as a dash', () => {
    expect(formatTraitValue(4210.5, 'en-US')).toBe('4,210.5');
    expect(formatTraitValue(true)).toBe('✓');
    expect(formatTraitValue(['voice', 'sms'])).toBe('voice, sms');
    expect(formatTraitValue(null)).toBe('—');
  });

  it('shows ISO dates as dates in the locale, and leaves other strings alone', () => {
    expect(formatTraitValue('2026-11-20T10:00:00.000Z', 'en-US')).toBe('Nov 20, 2026');
    expect(formatTraitValue('2026 plans')).toBe('2026 plans');
  });
});
