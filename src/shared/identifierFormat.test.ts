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

  it("says an identifier in words with the admin's name for its type", () => {
    expect(identifierInWords({ type: 'phone', value: '+14155550100' }, t, [], settings)).toBe('mobile +14155550100');
    expect(identifierInWords({ type: 'phone', value: '+14155550100' }, t)).toBe('phone +14155550100');
  });
});
