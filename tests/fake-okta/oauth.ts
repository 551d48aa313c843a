import { createHash, randomBytes } from 'node:crypto';
import type { Reply } from './reply';

/**
 * The org authorization server (`/oauth2/v1/*`): authorization code + PKCE (S256) for one public
 * client, with no login page (it answers at once, as if the admin were signed in), refresh tokens
 * when `offline_access` is requested (Okta's rule), and opaque Bearer access tokens.
 */

export const OKTA_SCOPES = [
  'okta.users.read',
  'okta.users.manage',
  'okta.groups.read',
  'okta.groups.manage',
  'okta.apps.read',
  'okta.apps.manage',
  'okta.logs.read',
  'okta.schemas.read',
  'okta.schemas.manage',
  'okta.roles.read',
  'okta.roles.manage',
] as const;
const OTHER_SCOPES = ['openid', 'profile', 'email', 'offline_access'];

interface PendingCode {
  clientId: string;
  redirectUri: string;
  scopes: string[];
  challenge: string;
  expiresAt: number;
}

interface IssuedToken {
  scopes: string[];
  expiresAt: number;
}

export interface OAuthOptions {
  clientId: string;
  /** When set, only these redirect URIs are accepted; otherwise any https URI or a loopback http one. */
  redirectUris?: string[];
  accessTokenSeconds: number;
}

const CODE_SECONDS = 300;

const oauthError = (status: number, error: string, description: string): Reply => ({
  status,
  body: { error, error_description: description },
});

const base64url = (bytes: Buffer): string => bytes.toString('base64url');

export class OAuthServer {
  private readonly codes = new Map<string, PendingCode>();
  private readonly accessTokens = new Map<string, IssuedToken>();
  private readonly refreshTokens = new Map<string, { clientId: string; scopes: string[] }>();

  constructor(private readonly options: OAuthOptions) {}

  /** The scopes of a live access token, `expired`, or undefined when it was never issued (or was revoked). */
  lookup(token: string, now = Date.now()): string[] | 'expired' | undefined {
    const issued = this.accessTokens.get(token);
    if (!issued) return undefined;
    return issued.expiresAt <= now ? 'expired' : issued.scopes;
  }

  /** Ends every issued token, as a revoked grant or an admin resetting the app would. */
  revokeAll(): void {
    this.accessTokens.clear();
    this.refreshTokens.clear();
  }

  /** GET /oauth2/v1/authorize */
  authorize(query: URLSearchParams): Reply {
    const clientId = query.get('client_id');
    const redirectUri = query.get('redirect_uri');
    if (clientId !== this.options.clientId) return oauthError(400, 'invalid_client', 'The client_id is not registered.');
    if (!redirectUri || !this.redirectAllowed(redirectUri)) {
      return oauthError(400, 'invalid_request', "The 'redirect_uri' parameter must be a Login redirect URI in the client app settings.");
    }
    const back = (params: Record<string, string>): Reply => {
      const target = new URL(redirectUri);
      for (const [k, v] of Object.entries(params)) target.searchParams.set(k, v);
      const state = query.get('state');
      if (state !== null) target.searchParams.set('state', state);
      return { status: 302, headers: { Location: target.toString() } };
    };
    if (query.get('response_type') !== 'code') {
      return back({ error: 'unsupported_response_type', error_description: 'The response type is not supported by the authorization server. Configured response types: [code].' });
    }
    const challenge = query.get('code_challenge');
    if (!challenge || query.get('code_challenge_method') !== 'S256') {
      return back({ error: 'invalid_request', error_description: 'PKCE code challenge is required when the token endpoint authentication method is \'NONE\'.' });
    }
    const scopes = (query.get('scope') ?? '').split(/\s+/).filter(Boolean);
    const unknown = scopes.filter((s) => !(OKTA_SCOPES as readonly string[]).includes(s) && !OTHER_SCOPES.includes(s));
    if (scopes.length === 0 || unknown.length > 0) {
      return back({ error: 'invalid_scope', error_description: `One or more scopes are not configured for the authorization server resource: ${unknown.join(' ') || '(none requested)'}` });
    }
    const code = base64url(randomBytes(24));
    this.codes.set(code, { clientId, redirectUri, scopes, challenge, expiresAt: Date.now() + CODE_SECONDS * 1000 });
    return back({ code });
  }

  /** POST /oauth2/v1/token (application/x-www-form-urlencoded) */
  token(form: URLSearchParams): Reply {
    if (form.get('client_id') !== this.options.clientId) {
      return oauthError(401, 'invalid_client', 'The client_id is not registered.');
    }
    switch (form.get('grant_type')) {
      case 'authorization_code':
        return this.exchangeCode(form);
      case 'refresh_token':
        return this.refresh(form);
      default:
        return oauthError(400, 'unsupported_grant_type', `The grant type '${form.get('grant_type') ?? ''}' is not supported.`);
    }
  }

  /** POST /oauth2/v1/revoke: forgets an access or refresh token; unknown tokens are not an error (RFC 7009). */
  revoke(form: URLSearchParams): Reply {
    const token = form.get('token') ?? '';
    this.accessTokens.delete(token);
    this.refreshTokens.delete(token);
    return { status: 200 };
  }

  private exchangeCode(form: URLSearchParams): Reply {
    const code = form.get('code') ?? '';
    const pending = this.codes.get(code);
    this.codes.delete(code);
    if (!pending || pending.expiresAt <= Date.now()) {
      return oauthError(400, 'invalid_grant', 'The authorization code is invalid or has expired.');
    }
    if (form.get('redirect_uri') !== pending.redirectUri) {
      return oauthError(400, 'invalid_grant', "The 'redirect_uri' does not match the redirection URI used in the authorization request.");
    }
    const verifier = form.get('code_verifier') ?? '';
    if (!/^[A-Za-z0-9\-._~]{43,128}$/.test(verifier)) {
      return oauthError(400, 'invalid_request', 'PKCE verification failed. The code_verifier must be 43 to 128 characters long.');
    }
    if (base64url(createHash('sha256').update(verifier).digest()) !== pending.challenge) {
      return oauthError(400, 'invalid_grant', 'PKCE verification failed.');
    }
    return this.issue(pending.clientId, pending.scopes);
  }

  private refresh(form: URLSearchParams): Reply {
    const token = form.get('refresh_token') ?? '';
    const grant = this.refreshTokens.get(token);
    if (!grant) return oauthError(400, 'invalid_grant', 'The refresh token is invalid or expired.');
    const requested = (form.get('scope') ?? '').split(/\s+/).filter(Boolean);
    if (requested.some((s) => !grant.scopes.includes(s))) {
      return oauthError(400, 'invalid_scope', 'The requested scope is invalid, unknown, or malformed.');
    }
    // Okta rotates refresh tokens of public clients on every use.
    this.refreshTokens.delete(token);
    return this.issue(grant.clientId, requested.length > 0 ? requested : grant.scopes, grant.scopes);
  }

  private issue(clientId: string, scopes: string[], grantScopes = scopes): Reply {
    const accessToken = base64url(randomBytes(32));
    this.accessTokens.set(accessToken, { scopes, expiresAt: Date.now() + this.options.accessTokenSeconds * 1000 });
    const body: Record<string, unknown> = {
      token_type: 'Bearer',
      expires_in: this.options.accessTokenSeconds,
      access_token: accessToken,
      scope: scopes.join(' '),
    };
    if (grantScopes.includes('offline_access')) {
      const refreshToken = base64url(randomBytes(32));
      this.refreshTokens.set(refreshToken, { clientId, scopes: grantScopes });
      body.refresh_token = refreshToken;
    }
    return { status: 200, body, headers: { 'Cache-Control': 'no-store', Pragma: 'no-cache' } };
  }

  private redirectAllowed(uri: string): boolean {
    if (this.options.redirectUris) return this.options.redirectUris.includes(uri);
    try {
      const url = new URL(uri);
      return url.protocol === 'https:' || (url.protocol === 'http:' && ['127.0.0.1', 'localhost'].includes(url.hostname));
    } catch {
      return false;
    }
  }
}

/** Whether granted scopes allow a call: `manage` implies `read`; writes need `manage`. */
export function scopeAllows(granted: readonly string[], family: string, write: boolean): boolean {
  if (granted.includes(`${family}.manage`)) return true;
  return !write && granted.includes(`${family}.read`);
}
