import type { AppRecord, SignOnMode } from './types';

/** The sign-on-mode specific fields of an app (name, credentials, settings) in the shapes of Okta's spec. */
export function appDetails(signOnMode: SignOnMode, slug: string, clientId: string): Record<string, unknown> {
  const site = `https://${slug}.example.com`;
  const notifications = { vpn: { network: { connection: 'DISABLED' } } };
  const userNameTemplate = { template: '${source.login}', type: 'BUILT_IN' };
  switch (signOnMode) {
    case 'SAML_2_0':
      return {
        name: `${slug}_saml`,
        credentials: { userNameTemplate, signing: { kid: `kid-${clientId}` } },
        settings: {
          app: {},
          notifications,
          signOn: {
            defaultRelayState: '',
            ssoAcsUrl: `${site}/sso/saml`,
            idpIssuer: 'http://www.okta.com/${org.externalKey}',
            audience: `${site}/saml/metadata`,
            recipient: `${site}/sso/saml`,
            destination: `${site}/sso/saml`,
            subjectNameIdTemplate: '${user.userName}',
            subjectNameIdFormat: 'urn:oasis:names:tc:SAML:1.1:nameid-format:emailAddress',
            responseSigned: true,
            assertionSigned: true,
            signatureAlgorithm: 'RSA_SHA256',
            digestAlgorithm: 'SHA256',
            honorForceAuthn: true,
            authnContextClassRef: 'urn:oasis:names:tc:SAML:2.0:ac:classes:PasswordProtectedTransport',
            requestCompressed: false,
            allowMultipleAcsEndpoints: false,
            acsEndpoints: [],
            attributeStatements: [],
          },
        },
      };
    case 'OPENID_CONNECT':
      return {
        name: 'oidc_client',
        credentials: {
          userNameTemplate,
          signing: { kid: `kid-${clientId}` },
          oauthClient: { autoKeyRotation: true, client_id: clientId, token_endpoint_auth_method: 'client_secret_basic' },
        },
        settings: {
          app: {},
          notifications,
          oauthClient: {
            client_uri: site,
            redirect_uris: [`${site}/authorization-code/callback`],
            post_logout_redirect_uris: [site],
            response_types: ['code'],
            grant_types: ['authorization_code', 'refresh_token'],
            application_type: 'web',
            consent_method: 'REQUIRED',
            issuer_mode: 'ORG_URL',
          },
        },
      };
    case 'BOOKMARK':
      return {
        name: 'bookmark',
        credentials: { userNameTemplate, signing: {} },
        settings: { app: { requestIntegration: false, url: site }, notifications },
      };
    case 'AUTO_LOGIN':
      return {
        name: `${slug}_swa`,
        credentials: { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate, revealPassword: false, signing: {} },
        settings: { app: {}, notifications, signOn: { loginUrl: `${site}/login`, redirectUrl: `${site}/home` } },
      };
    case 'BROWSER_PLUGIN':
      return {
        name: 'template_swa',
        credentials: { scheme: 'EDIT_USERNAME_AND_PASSWORD', userNameTemplate, revealPassword: false, signing: {} },
        settings: {
          app: { buttonField: '#sign-in', passwordField: '#password', usernameField: '#username', url: `${site}/login` },
          notifications,
        },
      };
  }
}

/** The OAuth client id of an OIDC app, or null for other sign-on modes. */
export function oidcClientId(app: AppRecord): string | null {
  const credentials = app.details.credentials as { oauthClient?: { client_id?: string } } | undefined;
  return credentials?.oauthClient?.client_id ?? null;
}
