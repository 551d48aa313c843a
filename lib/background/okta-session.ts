import { createOktaClient, type OktaClient } from '@/lib/okta/client';
import { loadCredential, saveCredential, type Credential } from '@/lib/settings/secrets';
import { loadSettings } from '@/lib/settings/store';
import { refreshAccessToken } from './oauth';

export class NotConnectedError extends Error {
  constructor() {
    super('Deskside is not connected to Okta yet. Open the Deskside options page, enter the Okta domain and credentials, then Save.');
    this.name = 'NotConnectedError';
  }
}

const REFRESH_MARGIN_MS = 60_000;

/** An Okta client for a saved or just-obtained credential; OAuth tokens refresh themselves. */
export function clientFor(origin: string, credential: Credential, backgroundShare?: number): OktaClient {
  if (credential.type === 'ssws') {
    return createOktaClient({ origin, auth: { type: 'ssws', token: credential.token }, backgroundShare });
  }
  let current = credential;
  let refreshing: Promise<void> | null = null;
  const refresh = () => {
    refreshing ??= refreshAccessToken(origin, current)
      .then(async (next) => {
        if (next.type === 'oauth') current = next;
        await saveCredential(origin, next);
      })
      .finally(() => {
        refreshing = null;
      });
    return refreshing;
  };
  return createOktaClient({
    origin,
    backgroundShare,
    auth: {
      type: 'bearer',
      async getAccessToken() {
        if (current.expiresAt - REFRESH_MARGIN_MS < Date.now()) await refresh();
        return current.accessToken;
      },
      onUnauthorized: refresh,
    },
  });
}

/** The one Okta client of the background, rebuilt when the connection settings change. */
export function createOktaSession() {
  let cached: { key: string; client: OktaClient } | null = null;
  return {
    async client(): Promise<OktaClient> {
      const settings = await loadSettings();
      const origin = settings.oktaDomain;
      if (!origin) throw new NotConnectedError();
      const key = `${origin}|${settings.sync.budgetShare}`;
      if (cached?.key === key) return cached.client;
      const credential = await loadCredential(origin);
      if (!credential) throw new NotConnectedError();
      cached = { key, client: clientFor(origin, credential, settings.sync.budgetShare) };
      return cached.client;
    },
    reset() {
      cached = null;
    },
  };
}
export type OktaSession = ReturnType<typeof createOktaSession>;
