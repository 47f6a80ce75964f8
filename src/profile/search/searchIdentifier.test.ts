import {
  guessSearchType,
  isSearchableType,
  searchTypesOf,
  searchValueProblem,
  splitTypedValue,
  taskContactOf,
} from './searchIdentifier';

describe('what the agent types', () => {
  it.each([
    ['ana@example.com', 'email'],
    ['+1 415 555 0100', 'phone'],
    ['(415) 555-0100', 'phone'],
    ['usr_ana_garcia', 'user_id'],
    ['anagarcia', 'user_id'],
  ])('%s is searched as %s', (value, type) => expect(guessSearchType(value)).toBe(type));

  it('takes type:value as typed, but not a channel prefix', () => {
    expect(splitTypedValue(' email:Ana@Example.com ')).toEqual({ type: 'email', value: 'Ana@Example.com' });
    expect(splitTypedValue('whatsapp:+447700900123')).toEqual({ value: 'whatsapp:+447700900123' });
  });

  it('names the typing mistake for each type, and lets a good value through', () => {
    expect(searchValueProblem('email', 'ana@')).toBe('UnifiedProfilesSearchBadEmail');
    expect(searchValueProblem('phone', 'call me')).toBe('UnifiedProfilesSearchBadPhone');
    expect(searchValueProblem('user_id', 'ana garcia')).toBe('UnifiedProfilesSearchBadId');
    expect(searchValueProblem('user_id', '')).toBe('UnifiedProfilesSearchEmpty');
    expect(searchValueProblem('email', 'ana@example.com')).toBeUndefined();
    expect(searchValueProblem('phone', '+1 415 555 0100')).toBeUndefined();
  });

  it("reads the task's contact as Flex does, per channel", () => {
    expect(taskContactOf({ from: 'whatsapp:+447700900123' })).toEqual({ type: 'phone', value: '+447700900123' });
    expect(taskContactOf({ direction: 'outbound', from: '+18005550199', outbound_to: '+393471234567' })).toEqual({
      type: 'phone',
      value: '+393471234567',
    });
    expect(taskContactOf({ from: 'Priya', pre_engagement_data: { email: 'Priya.Patel@Example.com' } })).toEqual({
      type: 'email',
      value: 'priya.patel@example.com',
    });
    expect(taskContactOf({ from: 'Priya' })).toBeUndefined();
  });
});

describe('what an admin made searchable', () => {
  const settings = {
    phone: { searchable: false },
    account_number: { label: 'Account number', searchable: true },
    ga_client_id: { label: 'GA client' },
  };

  it('offers the default types an admin did not turn off, then the ones they made searchable', () => {
    expect(searchTypesOf(undefined)).toEqual(['email', 'phone', 'user_id', 'anonymous_id']);
    expect(searchTypesOf(settings)).toEqual(['email', 'user_id', 'anonymous_id', 'account_number']);
  });

  it('searches by a default type unless turned off, by another only when made searchable (as /profile does)', () => {
    expect(isSearchableType('phone', settings)).toBe(false);
    expect(isSearchableType('email', settings)).toBe(true);
    expect(isSearchableType('account_number', settings)).toBe(true);
    expect(isSearchableType('ga_client_id', settings)).toBe(false);
    expect(isSearchableType('toString', settings)).toBe(false);
  });

  it('never guesses a type that is not a choice', () => {
    const choices = searchTypesOf(settings);
    expect(guessSearchType('+1 415 555 0100', choices)).toBe('user_id');
    expect(guessSearchType('ana@example.com', ['phone', 'account_number'])).toBe('phone');
    expect(guessSearchType('ana@example.com', ['account_number'])).toBe('account_number');
    expect(guessSearchType('ana@example.com', [])).toBeUndefined();
  });
});
