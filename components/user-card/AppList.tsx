import type { ComponentChildren } from 'preact';
import type { CardApp } from '@/lib/messaging/views';

const SIGN_ON: Record<string, string> = {
  SAML_2_0: 'SAML',
  SAML_1_1: 'SAML 1.1',
  OPENID_CONNECT: 'OIDC',
  BOOKMARK: 'Bookmark',
  AUTO_LOGIN: 'Password',
  BROWSER_PLUGIN: 'Plugin',
  SECURE_PASSWORD_STORE: 'Password',
  WS_FEDERATION: 'WS-Fed',
  BASIC_AUTH: 'Basic',
};

/** The user's apps: how they sign in, and whether the assignment is direct or through a group. */
export default function AppList({ apps, rowAction }: { apps: CardApp[]; rowAction?: (app: CardApp) => ComponentChildren }) {
  return (
    <section aria-labelledby="apps-heading" class="stack" style={{ gap: '4px' }}>
      <h3 id="apps-heading">Apps ({apps.length})</h3>
      {apps.length === 0 ? (
        <p class="muted">No apps.</p>
      ) : (
        <ul class="plain-list" data-testid="app-list">
          {apps.map((a) => (
            <li key={a.id} class="row">
              <span>{a.label}</span>
              {a.signOnMode ? <span class="badge neutral">{SIGN_ON[a.signOnMode] ?? a.signOnMode}</span> : null}
              <span class="muted">{a.scope === 'GROUP' ? 'through a group' : 'direct'}</span>
              {rowAction?.(a)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
