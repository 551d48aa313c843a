import type { Prng } from './prng';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** Okta object ids are 20 characters: a 3-character type prefix (00u user, 00g group, 0oa app, …) and 17 random ones. */
export type IdPrefix = '00u' | '00g' | '0oa' | 'mfa' | 'opf' | 'sms' | 'uft' | 'fwf' | '0ua' | 'idx' | 'oar';

export function oktaId(prng: Prng, prefix: IdPrefix): string {
  let id = prefix;
  for (let i = 0; i < 17; i++) id += ALPHABET[Math.floor(prng.next() * ALPHABET.length)];
  return id;
}

export function randomToken(prng: Prng, length: number): string {
  let token = '';
  for (let i = 0; i < length; i++) token += ALPHABET[Math.floor(prng.next() * ALPHABET.length)];
  return token;
}
