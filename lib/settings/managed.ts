import { browser } from 'wxt/browser';
import { z } from 'zod';
import { normalizeOrgUrl } from '@/lib/okta/org-url';
import { Gate, type Settings } from './schema';

/** What an enterprise deployment can pre-set and lock (see public/managed-schema.json). */
export const ManagedPolicy = z.object({
  oktaDomain: z.string().max(300).optional(),
  oauthClientId: z.string().max(100).optional(),
  gates: z.record(z.string(), Gate).optional(),
  selfHostedOrigins: z.array(z.string().url()).max(50).optional(),
});
export type ManagedPolicy = z.infer<typeof ManagedPolicy>;

export async function readManagedPolicy(): Promise<ManagedPolicy> {
  try {
    const raw = await browser.storage.managed.get(null);
    const parsed = ManagedPolicy.safeParse(raw);
    return parsed.success ? parsed.data : {};
  } catch {
    // No managed storage in this browser or no policy installed.
    return {};
  }
}

export function applyManagedPolicy(settings: Settings, policy: ManagedPolicy): Settings {
  return {
    ...settings,
    oktaDomain: policy.oktaDomain ?? settings.oktaDomain,
    oauthClientId: policy.oauthClientId ?? settings.oauthClientId,
    authMode: policy.oauthClientId ? 'oauth' : settings.authMode,
    gates: { ...settings.gates, ...policy.gates },
    selfHosted: [
      ...settings.selfHosted,
      ...(policy.selfHostedOrigins ?? [])
        .filter((origin) => !settings.selfHosted.some((s) => s.origin === origin))
        .map((origin) => ({ origin, helpdesk: 'auto' })),
    ],
  };
}

/** Names of the settings the policy locks, for the options page to show as read-only. */
export function lockedFields(policy: ManagedPolicy): string[] {
  return Object.entries(policy)
    .filter(([, value]) => value !== undefined)
    .map(([key]) => key);
}

/** What a connection would save: the domain as typed and the sign-in it uses. */
export interface ConnectionChoice {
  domain: string;
  allowCustomDomain?: boolean;
  auth: { type: 'ssws' } | { type: 'oauth'; clientId: string };
}

/**
 * Why the policy forbids saving this connection, or null when it allows it. The policy overrides
 * the saved domain and client id on every read, so saving other values would only disconnect.
 * A domain that does not parse is left to the connection test to explain.
 */
export function policyConflict(policy: ManagedPolicy, choice: ConnectionChoice): { field: 'domain' | 'clientId'; sentence: string } | null {
  const ask = 'Ask your IT admin if it needs to change.';
  if (policy.oktaDomain) {
    const locked = normalizeOrgUrl(policy.oktaDomain, { allowCustomDomain: true });
    const lockedOrigin = locked.ok ? locked.origin : policy.oktaDomain.trim();
    const typed = normalizeOrgUrl(choice.domain, { allowCustomDomain: choice.allowCustomDomain });
    if (typed.ok && typed.origin !== lockedOrigin) {
      return { field: 'domain', sentence: `Your organisation’s policy sets the Okta domain to ${lockedOrigin}, so ${typed.origin} cannot be saved. ${ask}` };
    }
  }
  if (policy.oauthClientId) {
    const lockedId = policy.oauthClientId.trim();
    if (choice.auth.type === 'ssws') {
      return { field: 'clientId', sentence: `Your organisation’s policy requires OAuth sign-in with client id ${lockedId}, so an API token cannot be saved. ${ask}` };
    }
    if (choice.auth.clientId.trim() !== lockedId) {
      return { field: 'clientId', sentence: `Your organisation’s policy sets the client id to ${lockedId}, so ${choice.auth.clientId.trim()} cannot be saved. ${ask}` };
    }
  }
  return null;
}
