import type { Handlers } from '@/lib/messaging/router';
import { clearCredential, saveCredential, type Credential } from '@/lib/settings/secrets';
import { identityItem } from '@/lib/settings/identity';
import { policyConflict, readManagedPolicy } from '@/lib/settings/managed';
import { loadSettings, updateSettings } from '@/lib/settings/store';
import { testConnection } from '../connection';
import type { BackgroundServices } from '../services';

const OAUTH_REUSE_MS = 10 * 60 * 1000;

export function connectionHandlers(services: BackgroundServices): Pick<Handlers, 'testConnection' | 'saveConnection' | 'removeCredential'> {
  // After a successful OAuth test, Save uses the tokens it got instead of signing in a second time.
  let lastOAuth: { origin: string; clientId: string; credential: Credential; at: number } | null = null;
  const reuseOAuth = (origin: string, clientId: string) =>
    lastOAuth && lastOAuth.origin === origin && lastOAuth.clientId === clientId && Date.now() - lastOAuth.at < OAUTH_REUSE_MS
      ? lastOAuth.credential
      : null;

  return {
    async testConnection(input) {
      const tested = await testConnection(input);
      if (tested.report.ok && tested.credential?.type === 'oauth' && tested.origin) {
        lastOAuth = { origin: tested.origin, clientId: tested.credential.clientId, credential: tested.credential, at: Date.now() };
      }
      return tested.report;
    },
    async saveConnection(input) {
      // Checked before signing in: nothing is sent anywhere for a connection the policy would undo.
      const conflict = policyConflict(await readManagedPolicy(), input);
      if (conflict) {
        return { ok: false, origin: null, note: null, identity: null, checks: [], rateLimits: [], error: { ...conflict, code: 'policy' } };
      }
      const tested = await testConnection(input, reuseOAuth);
      if (!tested.report.ok || !tested.origin || !tested.credential) return tested.report;
      const previousOrigin = (await loadSettings()).oktaDomain;
      await saveCredential(tested.origin, tested.credential);
      await updateSettings({
        oktaDomain: tested.origin,
        authMode: tested.credential.type === 'ssws' ? 'ssws' : 'oauth',
        oauthClientId: tested.credential.type === 'oauth' ? tested.credential.clientId : null,
      });
      await identityItem.setValue(tested.identity);
      lastOAuth = null;
      services.session.reset();
      await services.onConnected(previousOrigin !== tested.origin);
      return tested.report;
    },
    async removeCredential() {
      await clearCredential();
      await identityItem.setValue(null);
      services.session.reset();
      await services.directory.unschedule();
      return services.status();
    },
  };
}
