import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * Secrets saved in the Unify tab (Profile API token, write key) are sealed with AES-256-GCM before
 * they reach Sync: a Sync document is readable by anyone holding the account's credentials or a
 * token granted on its service, and the Functions' key is the one thing they do not have.
 */

/** A sealed secret as the Sync document keeps it. `last4` is all the view ever shows. */
export interface SealedSecret {
  /** Format version, so a later change of cipher can still read old documents. */
  v: 1;
  iv: string;
  tag: string;
  ct: string;
  last4: string | null;
}

export class SecretUnreadableError extends Error {
  constructor(readonly field: string) {
    super(`the saved ${field} cannot be decrypted with this key`);
    this.name = 'SecretUnreadableError';
  }
}

const KEY_BYTES = 32;
/** GCM's recommended nonce size; a fresh random one for every seal. */
const IV_BYTES = 12;

/** The key from UNIFIED_PROFILES_CONFIG_KEY: 32 bytes as base64 (`openssl rand -base64 32`) or 64 hex digits. */
export function parseConfigKey(text: string): Buffer | null {
  const value = text.trim();
  if (/^[0-9a-f]{64}$/i.test(value)) return Buffer.from(value, 'hex');
  if (!/^[A-Za-z0-9+/_-]+={0,2}$/.test(value)) return null;
  const bytes = Buffer.from(value, 'base64');
  return bytes.length === KEY_BYTES ? bytes : null;
}

/** The last four characters, shown so an admin can tell which token is set; none for a short value. */
export function lastFour(secret: string): string | null {
  return secret.length >= 8 ? secret.slice(-4) : null;
}

/** The field name is authenticated data: a ciphertext moved to another field does not open. */
const associatedData = (field: string) => Buffer.from(`unified-profiles:${field}`, 'utf8');

export function sealSecret(key: Buffer, field: string, secret: string): SealedSecret {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(associatedData(field));
  const ct = Buffer.concat([cipher.update(secret, 'utf8'), cipher.final()]);
  return {
    v: 1,
    iv: iv.toString('base64'),
    tag: cipher.getAuthTag().toString('base64'),
    ct: ct.toString('base64'),
    last4: lastFour(secret),
  };
}

/** The secret, or SecretUnreadableError for a wrong key or a ciphertext changed since it was sealed. */
export function openSecret(key: Buffer, field: string, sealed: SealedSecret): string {
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(sealed.iv, 'base64'));
    decipher.setAAD(associatedData(field));
    decipher.setAuthTag(Buffer.from(sealed.tag, 'base64'));
    return Buffer.concat([decipher.update(Buffer.from(sealed.ct, 'base64')), decipher.final()]).toString('utf8');
  } catch {
    throw new SecretUnreadableError(field);
  }
}
