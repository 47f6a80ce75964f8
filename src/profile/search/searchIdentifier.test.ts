import { guessSearchType, searchValueProblem, splitTypedValue, taskContactOf } from './searchIdentifier';

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
