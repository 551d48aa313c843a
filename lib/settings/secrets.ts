import { openDB, type DBSchema, type IDBPDatabase } from 'idb';
import { z } from 'zod';

/**
 * Credentials at rest: encrypted with an AES-GCM key that is generated non-extractable and kept
 * as a CryptoKey object in the extension's own IndexedDB. Content scripts cannot open this
 * database (it belongs to the extension origin), and the key cannot be exported even by code
 * that can, so a copied profile folder alone does not reveal the token.
 */
export const Credential = z.discriminatedUnion('type', [
  z.object({ type: z.literal('ssws'), token: z.string().min(1) }),
  z.object({
    type: z.literal('oauth'),
    accessToken: z.string().min(1),
    refreshToken: z.string().nullable(),
    expiresAt: z.number(),
    scopes: z.array(z.string()),
    clientId: z.string(),
  }),
]);
export type Credential = z.infer<typeof Credential>;

interface SecretsDb extends DBSchema {
  keys: { key: string; value: CryptoKey };
  secrets: { key: string; value: { iv: Uint8Array<ArrayBuffer>; ciphertext: ArrayBuffer; origin: string } };
}

const DB_NAME = 'deskside-secrets';
const KEY_ID = 'credential-key';
const CREDENTIAL_ID = 'okta';

let dbPromise: Promise<IDBPDatabase<SecretsDb>> | undefined;
function db(): Promise<IDBPDatabase<SecretsDb>> {
  dbPromise ??= openDB<SecretsDb>(DB_NAME, 1, {
    upgrade(database, oldVersion) {
      if (oldVersion < 1) {
        database.createObjectStore('keys');
        database.createObjectStore('secrets');
      }
    },
    blocking() {
      void dbPromise?.then((d) => d.close());
      dbPromise = undefined;
    },
  });
  return dbPromise;
}

async function encryptionKey(): Promise<CryptoKey> {
  const database = await db();
  const existing = await database.get('keys', KEY_ID);
  if (existing) return existing;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  await database.put('keys', key, KEY_ID);
  return key;
}

/** Stores the credential for one Okta origin, replacing any earlier one. */
export async function saveCredential(origin: string, credential: Credential): Promise<void> {
  const key = await encryptionKey();
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const plaintext = new TextEncoder().encode(JSON.stringify(Credential.parse(credential)));
  // The origin is bound as additional data: a record moved to another org fails to decrypt.
  const ciphertext = await crypto.subtle.encrypt(
    { name: 'AES-GCM', iv, additionalData: new TextEncoder().encode(origin) },
    key,
    plaintext,
  );
  await (await db()).put('secrets', { iv, ciphertext, origin }, CREDENTIAL_ID);
}

/** The credential for `origin`, or null when none is saved for that origin or it cannot be read. */
export async function loadCredential(origin: string): Promise<Credential | null> {
  const record = await (await db()).get('secrets', CREDENTIAL_ID);
  if (!record || record.origin !== origin) return null;
  try {
    const key = await encryptionKey();
    const plaintext = await crypto.subtle.decrypt(
      { name: 'AES-GCM', iv: record.iv, additionalData: new TextEncoder().encode(origin) },
      key,
      record.ciphertext,
    );
    return Credential.parse(JSON.parse(new TextDecoder().decode(plaintext)));
  } catch {
    return null;
  }
}

export async function hasCredential(origin: string): Promise<boolean> {
  const record = await (await db()).get('secrets', CREDENTIAL_ID);
  return record?.origin === origin;
}

export async function clearCredential(): Promise<void> {
  await (await db()).delete('secrets', CREDENTIAL_ID);
}
