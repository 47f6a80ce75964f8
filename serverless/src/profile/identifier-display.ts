import { parsePhoneNumberFromString } from 'libphonenumber-js';

/**
 * An identifier's value as people read it: E.164 phones in international format (+1 415 555 0100),
 * everything else as stored. Done here because the Functions already carry libphonenumber's
 * metadata; in the plugin bundle it would cost ~44 KB gzipped.
 */
export function displayValueOf(type: string, value: string): string {
  if (type !== 'phone') return value;
  const phone = parsePhoneNumberFromString(value);
  return phone?.isPossible() ? phone.formatInternational() : value;
}
