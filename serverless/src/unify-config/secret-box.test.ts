import { randomBytes } from 'node:crypto';

import { lastFour, openSecret, parseConfigKey, sealSecret, SecretUnreadableError } from './secret-box';

const key = randomBytes(32);
const TOKEN = 'pat_live_token_value_9f3a';

describe('sealing a secret for the Sync document', () => {
  it('opens again to the same text with the same key, keeping only the last four in clear', () => {
    const sealed = sealSecret(key, 'profileApiToken', TOKEN);
    expect(openSecret(key, 'profileApiToken', sealed)).toBe(TOKEN);
    expect(sealed.last4).toBe('9f3a');
    expect(JSON.stringify(sealed)).not.toContain(TOKEN);
    expect(JSON.stringify(sealed)).not.toContain('pat_live');
  });

  it('uses a fresh IV every time, so one token sealed twice looks different', () => {
    const first = sealSecret(key, 'writeKey', TOKEN);
    const second = sealSecret(key, 'writeKey', TOKEN);
    expect(first.iv).not.toBe(second.iv);
    expect(first.ct).not.toBe(second.ct);
  });

  it('refuses a tampered ciphertext, tag or IV', () => {
    const sealed = sealSecret(key, 'profileApiToken', TOKEN);
    const flip = (base64: string) => {
      const bytes = Buffer.from(base64, 'base64');
      bytes[0] ^= 1;
      return bytes.toString('base64');
    };
    for (const tampered of [
      { ...sealed, ct: flip(sealed.ct) },
      { ...sealed, tag: flip(sealed.tag) },
      { ...sealed, iv: flip(sealed.iv) },
    ]) {
      expect(() => openSecret(key, 'profileApiToken', tampered)).toThrow(SecretUnreadableError);
    }
  });

  it('refuses a wrong key', () => {
    const sealed = sealSecret(key, 'profileApiToken', TOKEN);
    expect(() => openSecret(randomBytes(32), 'profileApiToken', sealed)).toThrow(SecretUnreadableError);
  });

  it('refuses a ciphertext moved to another field', () => {
    const sealed = sealSecret(key, 'profileApiToken', TOKEN);
    expect(() => openSecret(key, 'writeKey', sealed)).toThrow(/writeKey cannot be decrypted/);
  });
});

describe('the key from UNIFIED_PROFILES_CONFIG_KEY', () => {
  it('reads 32 bytes as base64 (openssl rand -base64 32) or as 64 hex digits', () => {
    const bytes = randomBytes(32);
    expect(parseConfigKey(bytes.toString('base64'))?.equals(bytes)).toBe(true);
    expect(parseConfigKey(` ${bytes.toString('base64')}\n`)?.equals(bytes)).toBe(true);
    expect(parseConfigKey(bytes.toString('hex'))?.equals(bytes)).toBe(true);
    expect(parseConfigKey(bytes.toString('base64url'))?.equals(bytes)).toBe(true);
  });

  it.each([
    ['16 bytes', randomBytes(16).toString('base64')],
    ['48 bytes', randomBytes(48).toString('base64')],
    ['a passphrase', 'correct horse battery staple'],
    ['63 hex digits', 'a'.repeat(63)],
  ])('refuses %s', (_label, text) => {
    expect(parseConfigKey(text)).toBeNull();
  });
});

it('shows no last four of a secret shorter than 8 characters', () => {
  expect(lastFour('abc12345')).toBe('2345');
  expect(lastFour('short')).toBeNull();
});
