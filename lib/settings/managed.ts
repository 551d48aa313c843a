import { browser } from 'wxt/browser';
import { z } from 'zod';
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
