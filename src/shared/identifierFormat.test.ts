import { EN_STRINGS, PluginStringKey } from '../strings/en';
import { formatString } from '../strings/formatString';
import { identifierInWords, identifierTypeName } from './identifierFormat';

const t = (key: PluginStringKey, values?: Record<string, string | number>) => formatString(EN_STRINGS[key], values);

describe('identifier type names', () => {
  const settings = { phone: { label: 'Mobile' }, account_number: { label: 'Account number' }, email: {} };

  it("uses the admin's display name, else the plugin's, else the type humanised", () => {
    expect(identifierTypeName('phone', t, settings)).toBe('Mobile');
    expect(identifierTypeName('account_number', t, settings)).toBe('Account number');
    expect(identifierTypeName('email', t, settings)).toBe('Email');
    expect(identifierTypeName('phone', t)).toBe('Phone');
    expect(identifierTypeName('toString', t, settings)).toBe('To string');
  });

  it("says an identifier in words with the admin's name for its type, as the admin typed it", () => {
    expect(identifierInWords({ type: 'phone', value: '+14155550100' }, t, [], settings)).toBe('Mobile +14155550100');
    const zendesk = { zendesk_id: { label: 'Zendesk ID' } };
    expect(identifierInWords({ type: 'zendesk_id', value: '42' }, t, [], zendesk)).toBe('Zendesk ID 42');
  });

  it('lower-cases a built-in name mid-sentence, keeping an acronym in capitals', () => {
    expect(identifierInWords({ type: 'phone', value: '+14155550100' }, t)).toBe('phone +14155550100');
    expect(identifierInWords({ type: 'email', value: 'ana@example.com' }, t, [], settings)).toBe(
      'email ana@example.com',
    );
    expect(identifierInWords({ type: 'account_number', value: 'AC-1042' }, t)).toBe('account number AC-1042');
    expect(identifierInWords({ type: 'user_id', value: 'usr_1' }, t)).toBe('user ID usr_1');
    expect(identifierInWords({ type: 'anonymous_id', value: 'anon_1' }, t)).toBe('anonymous ID anon_1');
  });
});
