import { browser } from 'wxt/browser';
import { z } from 'zod';
import type { Credential } from '@/lib/settings/secrets';

/** Scopes Deskside asks for. Reads are implied by the manage scopes; offline_access gives a refresh token. */
export const OAUTH_SCOPES = ['okta.users.manage', 'okta.groups.manage', 'okta.apps.manage', 'okta.logs.read', 'okta.schemas.read', 'offline_access'];

const TokenAnswer = z.object({
  access_token: z.string().min(1),
  token_type: z.string(),
  expires_in: z.number(),
  scope: z.string().default(''),
  refresh_token: z.string().optional(),
});
const TokenError = z.object({ error: z.string(), error_description: z.string().optional() });

export class OAuthError extends Error {
  constructor(
    message: string,
    readonly code: string,
  ) {
    super(message);
    this.name = 'OAuthError';
  }
}

/** The redirect URI to register in the Okta app (shown on the options page for copying). */
export function oauthRedirectUri(): string {
  return browser.identity.getRedirectURL();
}

function base64Url(bytes: Uint8Array): string {
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

async function pkcePair(): Promise<{ verifier: string; challenge: string }> {
  const verifier = base64Url(crypto.getRandomValues(new Uint8Array(48)));
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(verifier));
  return { verifier, challenge: base64Url(new Uint8Array(digest)) };
}

async function tokenRequest(origin: string, form: Record<string, string>): Promise<z.infer<typeof TokenAnswer>> {
  let response: Response;
  try {
    response = await fetch(`${origin}/oauth2/v1/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded', Accept: 'application/json' },
      body: new URLSearchParams(form),
    });
  } catch {
    throw new OAuthError(`Could not reach ${origin}. Check the Okta domain and your network.`, 'network');
  }
  const body: unknown = await response.json().catch(() => null);
  if (!response.ok) {
    const err = TokenError.safeParse(body);
    const code = err.success ? err.data.error : `http_${response.status}`;
    const detail = err.success && err.data.error_description ? `: ${err.data.error_description}` : '';
    throw new OAuthError(`Okta refused the token request (${code}${detail}).`, code);
  }
  const parsed = TokenAnswer.safeParse(body);
  if (!parsed.success) throw new OAuthError('Okta answered the token request with something that is not a token.', 'malformed');
  return parsed.data;
}

function toCredential(answer: z.infer<typeof TokenAnswer>, clientId: string, previousRefresh: string | null): Credential {
  return {
    type: 'oauth',
    accessToken: answer.access_token,
    refreshToken: answer.refresh_token ?? previousRefresh,
    expiresAt: Date.now() + answer.expires_in * 1000,
    scopes: answer.scope.split(' ').filter(Boolean),
    clientId,
  };
}

/** Authorization code + PKCE against the org authorization server, through the browser's auth window. */
export async function signInWithOkta(origin: string, clientId: string): Promise<Credential> {
  const { verifier, challenge } = await pkcePair();
  const state = base64Url(crypto.getRandomValues(new Uint8Array(16)));
  const redirectUri = oauthRedirectUri();
  const authorize = new URL(`${origin}/oauth2/v1/authorize`);
  authorize.search = new URLSearchParams({
    client_id: clientId,
    response_type: 'code',
    scope: OAUTH_SCOPES.join(' '),
    redirect_uri: redirectUri,
    state,
    code_challenge: challenge,
    code_challenge_method: 'S256',
  }).toString();

  let finalUrl: string | undefined;
  try {
    finalUrl = await browser.identity.launchWebAuthFlow({ url: authorize.toString(), interactive: true });
  } catch (e) {
    throw new OAuthError(
      `Sign-in with Okta did not finish (${e instanceof Error ? e.message : String(e)}). Check that ${redirectUri} is a sign-in redirect URI of the Okta app and try again.`,
      'flow_failed',
    );
  }
  const returned = new URL(finalUrl ?? '');
  if (returned.searchParams.get('state') !== state) throw new OAuthError('The sign-in answer did not match this request; try again.', 'state_mismatch');
  const error = returned.searchParams.get('error');
  if (error) throw new OAuthError(`Okta refused the sign-in: ${returned.searchParams.get('error_description') ?? error}.`, error);
  const code = returned.searchParams.get('code');
  if (!code) throw new OAuthError('Okta returned no authorization code.', 'no_code');

  const answer = await tokenRequest(origin, {
    grant_type: 'authorization_code',
    client_id: clientId,
    redirect_uri: redirectUri,
    code,
    code_verifier: verifier,
  });
  return toCredential(answer, clientId, null);
}

/** A fresh access token from the refresh token; throws OAuthError when Okta no longer accepts it. */
export async function refreshAccessToken(origin: string, credential: Extract<Credential, { type: 'oauth' }>): Promise<Credential> {
  if (!credential.refreshToken) throw new OAuthError('The Okta sign-in has expired. Reconnect with Okta on the options page.', 'no_refresh_token');
  const answer = await tokenRequest(origin, {
    grant_type: 'refresh_token',
    client_id: credential.clientId,
    refresh_token: credential.refreshToken,
    scope: OAUTH_SCOPES.join(' '),
  });
  return toCredential(answer, credential.clientId, credential.refreshToken);
}
