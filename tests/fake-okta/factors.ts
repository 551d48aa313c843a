import { iso } from './generate';
import { oktaId, randomToken } from './ids';
import { createPrng, type Prng } from './prng';
import type { FactorRecord, OAuthTokenRecord, SessionRecord, UserRecord } from './types';

const DAY = 86_400_000;

/** A per-user seed, so factors, sessions and OAuth tokens can be generated on first use and still be the same every run. */
function userSeed(orgSeed: number, userId: string): number {
  let hash = orgSeed ^ 0x9e3779b9;
  for (let i = 0; i < userId.length; i++) hash = Math.imul(hash ^ userId.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

const FACTOR_KINDS = ['push', 'token:software:totp', 'sms', 'webauthn', 'email'] as const;

function factor(prng: Prng, user: UserRecord, kind: (typeof FACTOR_KINDS)[number], anchor: number): FactorRecord {
  const created = iso(anchor - prng.int(5, 600) * DAY);
  const base = { status: 'ACTIVE' as const, created, lastUpdated: created };
  switch (kind) {
    case 'push':
      return {
        ...base,
        id: oktaId(prng, 'opf'),
        factorType: 'push',
        provider: 'OKTA',
        vendorName: 'OKTA',
        profile: { credentialId: user.profile.login, deviceType: 'SmartPhone_IPhone', name: 'iPhone', platform: 'IOS', version: '17.4' },
      };
    case 'token:software:totp': {
      const google = prng.chance(0.5);
      return {
        ...base,
        id: oktaId(prng, 'uft'),
        factorType: 'token:software:totp',
        provider: google ? 'GOOGLE' : 'OKTA',
        vendorName: google ? 'GOOGLE' : 'OKTA',
        profile: { credentialId: user.profile.login },
      };
    }
    case 'sms':
      return {
        ...base,
        id: oktaId(prng, 'sms'),
        factorType: 'sms',
        provider: 'OKTA',
        vendorName: 'OKTA',
        profile: { phoneNumber: `+1415555${String(prng.int(0, 9999)).padStart(4, '0')}` },
      };
    case 'webauthn':
      return {
        ...base,
        id: oktaId(prng, 'fwf'),
        factorType: 'webauthn',
        provider: 'FIDO',
        vendorName: 'FIDO',
        profile: { authenticatorName: prng.pick(['Touch ID', 'Windows Hello', 'YubiKey 5 NFC']), credentialId: randomToken(prng, 43) },
      };
    case 'email':
      return { ...base, id: oktaId(prng, 'mfa'), factorType: 'email', provider: 'OKTA', vendorName: 'OKTA', profile: { email: user.profile.email } };
  }
}

/** Users who have signed in at least once have one to three factors; others have none. */
export function generateFactors(orgSeed: number, user: UserRecord, anchor: number): FactorRecord[] {
  if (user.status === 'STAGED' || user.status === 'PROVISIONED' || user.status === 'DEPROVISIONED') return [];
  const prng = createPrng(userSeed(orgSeed, user.id));
  const kinds = new Set<(typeof FACTOR_KINDS)[number]>();
  const count = prng.int(1, 3);
  for (let i = 0; i < count; i++) kinds.add(prng.pick(FACTOR_KINDS));
  return [...kinds].map((kind) => factor(prng, user, kind, anchor));
}

export function generateSessions(orgSeed: number, user: UserRecord, anchor: number): SessionRecord[] {
  if (user.lastLogin === null || user.status === 'DEPROVISIONED' || user.status === 'SUSPENDED') return [];
  const prng = createPrng(userSeed(orgSeed + 1, user.id));
  const sessions: SessionRecord[] = [];
  for (let i = prng.int(0, 2); i > 0; i--) {
    const createdAt = anchor - prng.int(1, 48) * 3_600_000;
    sessions.push({ id: oktaId(prng, 'idx'), createdAt: iso(createdAt), expiresAt: iso(createdAt + DAY) });
  }
  return sessions;
}

/** A refresh token an OIDC app's client holds for a user, issued at `created` (epoch ms) for 90 days. */
export function refreshToken(id: string, clientId: string, created: number): OAuthTokenRecord {
  return { id, clientId, scopes: ['openid', 'profile', 'offline_access'], created: iso(created), expiresAt: iso(created + 90 * DAY) };
}

/** Users who have signed in hold a refresh token for about half of their OIDC apps (`clientIds`). */
export function generateOAuthTokens(orgSeed: number, user: UserRecord, anchor: number, clientIds: readonly string[]): OAuthTokenRecord[] {
  if (user.lastLogin === null || user.status === 'DEPROVISIONED' || user.status === 'SUSPENDED') return [];
  const prng = createPrng(userSeed(orgSeed + 2, user.id));
  return clientIds
    .filter(() => prng.chance(0.5))
    .map((clientId) => refreshToken(oktaId(prng, 'oar'), clientId, anchor - prng.int(1, 30) * DAY));
}
