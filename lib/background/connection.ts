import { z } from 'zod';
import { OktaError } from '@/lib/okta/errors';
import type { OktaClient } from '@/lib/okta/client';
import { normalizeOrgUrl } from '@/lib/okta/org-url';
import { User } from '@/lib/okta/schemas';
import type { ConnectionInput } from '@/lib/messaging/messages/connection';
import type { ConnectionReport, PermissionCheck } from '@/lib/messaging/views';
import type { Credential } from '@/lib/settings/secrets';
import type { AgentIdentityRecord } from '@/lib/settings/identity';
import { clientFor } from './okta-session';
import { OAuthError, signInWithOkta } from './oauth';

const AnyList = z.array(z.unknown());
const Role = z.looseObject({ type: z.string() });

/** Admin roles that allow the user actions, group changes and app assignments Deskside offers. */
const MANAGE_ROLES: Record<string, string[]> = {
  users: ['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'HELP_DESK_ADMIN'],
  groups: ['SUPER_ADMIN', 'ORG_ADMIN', 'USER_ADMIN', 'GROUP_MEMBERSHIP_ADMIN'],
  apps: ['SUPER_ADMIN', 'ORG_ADMIN', 'APP_ADMIN'],
};

export interface TestedConnection {
  report: ConnectionReport;
  origin: string | null;
  credential: Credential | null;
  identity: AgentIdentityRecord | null;
}

function failure(field: 'domain' | 'token' | 'clientId' | null, sentence: string, code: string | null = null, origin: string | null = null): TestedConnection {
  return {
    report: { ok: false, origin, note: null, identity: null, checks: [], rateLimits: [], error: { field, code, sentence } },
    origin,
    credential: null,
    identity: null,
  };
}

async function readCheck(client: OktaClient, name: string, path: string, seen: Map<string, number>): Promise<PermissionCheck> {
  try {
    const { response } = await client.request('GET', path, { schema: AnyList, searchParams: { limit: 1 } });
    const limit = Number(response.headers.get('x-rate-limit-limit'));
    if (limit > 0) seen.set(`GET ${new URL(response.url || `http://x${path}`).pathname}`, limit);
    return { name, ok: true, detail: 'allowed' };
  } catch (e) {
    return { name, ok: false, detail: e instanceof OktaError ? `${e.errorCode ?? e.status}: ${e.sentence}` : String(e) };
  }
}

async function manageChecks(client: OktaClient, credential: Credential, userId: string): Promise<PermissionCheck[]> {
  if (credential.type === 'oauth') {
    return ['users', 'groups', 'apps'].map((area) => {
      const scope = `okta.${area}.manage`;
      const ok = credential.scopes.includes(scope);
      return { name: `Manage ${area}`, ok, detail: ok ? `scope ${scope} granted` : `scope ${scope} not granted: add it on the app’s Okta API Scopes tab` };
    });
  }
  try {
    const { data } = await client.request('GET', `/api/v1/users/${encodeURIComponent(userId)}/roles`, { schema: z.array(Role) });
    const roles = data.map((r) => r.type);
    return Object.entries(MANAGE_ROLES).map(([area, allowed]) => {
      const role = roles.find((r) => allowed.includes(r));
      return { name: `Manage ${area}`, ok: Boolean(role), detail: role ? `through the ${role} role` : `the token’s admin has none of ${allowed.join(', ')}` };
    });
  } catch (e) {
    const detail = e instanceof OktaError ? `could not read the admin roles (${e.errorCode ?? e.status})` : 'could not read the admin roles';
    return Object.keys(MANAGE_ROLES).map((area) => ({ name: `Manage ${area}`, ok: false, detail }));
  }
}

/** Checks a domain and credential against Okta: who they act as, what they may do, the rate limits seen. */
export async function testConnection(input: ConnectionInput, reuseOAuth?: (origin: string, clientId: string) => Credential | null): Promise<TestedConnection> {
  const normalized = normalizeOrgUrl(input.domain, { allowCustomDomain: input.allowCustomDomain });
  if (!normalized.ok) return failure('domain', normalized.reason);
  const origin = normalized.origin;

  let credential: Credential;
  if (input.auth.type === 'ssws') {
    credential = { type: 'ssws', token: input.auth.token };
  } else {
    try {
      credential = reuseOAuth?.(origin, input.auth.clientId) ?? (await signInWithOkta(origin, input.auth.clientId));
    } catch (e) {
      const field = e instanceof OAuthError && e.code === 'network' ? 'domain' : 'clientId';
      return failure(field, e instanceof Error ? e.message : String(e), e instanceof OAuthError ? e.code : null, origin);
    }
  }

  const client = clientFor(origin, credential);
  let me: z.infer<typeof User>;
  try {
    me = (await client.request('GET', '/api/v1/users/me', { schema: User })).data;
  } catch (e) {
    if (!(e instanceof OktaError)) return failure(null, String(e), null, origin);
    const field = e.status === 0 || e.kind === 'invalid-response' ? 'domain' : e.status === 401 ? (credential.type === 'ssws' ? 'token' : 'clientId') : null;
    return failure(field, e.sentence, e.errorCode ?? (e.status ? String(e.status) : e.kind), origin);
  }

  const seen = new Map<string, number>();
  const checks = [
    await readCheck(client, 'Read users', '/api/v1/users', seen),
    await readCheck(client, 'Read groups', '/api/v1/groups', seen),
    await readCheck(client, 'Read apps', '/api/v1/apps', seen),
    await readCheck(client, 'Read System Log', '/api/v1/logs', seen),
    ...(await manageChecks(client, credential, me.id)),
  ];
  const profile = me.profile as Record<string, unknown>;
  const identity: AgentIdentityRecord = {
    id: me.id,
    login: String(profile.login ?? ''),
    email: typeof profile.email === 'string' ? profile.email : null,
    name: [profile.firstName, profile.lastName].filter((p) => typeof p === 'string' && p).join(' ') || String(profile.login ?? me.id),
  };
  return {
    report: {
      ok: true,
      origin,
      note: normalized.note ?? null,
      error: null,
      identity: { id: identity.id, login: identity.login, name: identity.name },
      checks,
      rateLimits: [...seen].map(([bucket, limit]) => ({ bucket, limit })),
    },
    origin,
    credential,
    identity,
  };
}
