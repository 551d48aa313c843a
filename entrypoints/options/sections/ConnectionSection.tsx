import { useEffect, useRef, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import CopyButton from '@/components/CopyButton';
import Field from '@/components/Field';
import { useStatus } from '@/components/hooks/useStatus';
import { sendMessage } from '@/lib/messaging/channel';
import type { ConnectionReport } from '@/lib/messaging/views';
import { normalizeOrgUrl } from '@/lib/okta/org-url';
import ConnectionReportView from './ConnectionReportView';
import OktaSetupSteps from './OktaSetupSteps';
import { useSettingsView } from '../useSettingsView';

const LOCKED_HINT = 'Locked: set by your organisation’s policy; ask your IT admin to change it.';

type AuthMode = 'oauth' | 'ssws';

/** Okta domain and credentials: test first, then save; a saved token is never shown again. */
export default function ConnectionSection() {
  const { status, refresh } = useStatus();
  const [domain, setDomain] = useState('');
  const [allowCustomDomain, setAllowCustomDomain] = useState(false);
  const [mode, setMode] = useState<AuthMode>('oauth');
  const [token, setToken] = useState('');
  const [clientId, setClientId] = useState('');
  const [report, setReport] = useState<ConnectionReport | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | 'remove' | null>(null);
  const [saved, setSaved] = useState(false);
  const redirectUri = browser.identity.getRedirectURL();
  const policy = useSettingsView().view?.policy;
  const lockedDomain = policy?.oktaDomain ?? null;
  const lockedClientId = policy?.oauthClientId ?? null;
  useEffect(() => {
    if (lockedDomain) setDomain(lockedDomain);
    if (lockedClientId) {
      setMode('oauth');
      setClientId(lockedClientId);
    }
  }, [lockedDomain, lockedClientId]);
  // A token that expired after it was saved shows up as the sync's last error.
  const expiredToken = status?.sync?.lastError?.code === 'E0000011' ? status.sync.lastError.sentence : null;

  // The saved values fill the form once, and only fields the admin has not started editing.
  const edited = useRef({ domain: false, mode: false });
  const prefilled = useRef(false);
  useEffect(() => {
    if (!status || prefilled.current) return;
    prefilled.current = true;
    if (!edited.current.domain && status.oktaDomain) setDomain(status.oktaDomain);
    if (!edited.current.mode) setMode(status.authMode);
  }, [status]);
  const chooseMode = (next: AuthMode) => {
    edited.current.mode = true;
    setMode(next);
    setReport(null);
  };

  const domainCheck = domain.trim() ? normalizeOrgUrl(domain, { allowCustomDomain }) : null;
  const domainError = domainCheck && !domainCheck.ok ? domainCheck.reason : report?.error?.field === 'domain' ? report.error.sentence : null;
  const auth = mode === 'ssws' ? { type: 'ssws' as const, token } : { type: 'oauth' as const, clientId };
  const input = { domain, allowCustomDomain, auth };
  const canTest = Boolean(domainCheck?.ok) && (mode === 'ssws' ? token.trim() !== '' : clientId.trim() !== '');
  const tested = report?.ok === true;

  const run = async (kind: 'test' | 'save') => {
    setBusy(kind);
    setSaved(false);
    try {
      const answer = await sendMessage(kind === 'test' ? 'testConnection' : 'saveConnection', input);
      setReport(answer);
      if (kind === 'save' && answer.ok) {
        setSaved(true);
        setToken('');
        await refresh();
      }
    } catch (e) {
      setReport({ ok: false, origin: null, note: null, identity: null, checks: [], rateLimits: [], error: { field: null, code: null, sentence: e instanceof Error ? e.message : String(e) } });
    } finally {
      setBusy(null);
    }
  };
  const remove = async () => {
    setBusy('remove');
    await sendMessage('removeCredential');
    setReport(null);
    setSaved(false);
    await refresh();
    setBusy(null);
  };

  return (
    <section class="card" aria-labelledby="connection-heading">
      <h2 id="connection-heading">Connection to Okta</h2>
      {status?.connected ? (
        <p class="alert success" data-testid="connected-as">
          Connected to <span class="code">{status.oktaDomain}</span>
          {status.identity ? <> as {status.identity.name} ({status.identity.login})</> : null}. The saved{' '}
          {status.authMode === 'ssws' ? 'API token' : 'sign-in'} is never shown again; you can replace or remove it.
        </p>
      ) : null}
      <Field id="okta-domain" label="Okta domain" hint={lockedDomain ? LOCKED_HINT : 'Your org address, for example acme.okta.com.'} error={domainError}>
        {(props) => (
          <input {...props} type="text" value={domain} readOnly={Boolean(lockedDomain)} autoComplete="off" spellcheck={false} placeholder="acme.okta.com"
            onInput={(e) => { edited.current.domain = true; setDomain(e.currentTarget.value); setReport(null); }} />
        )}
      </Field>
      {domainCheck?.ok && domainCheck.note ? <p class="alert info">{domainCheck.note}</p> : null}
      {domainCheck && !domainCheck.ok && domainCheck.needsCustomDomainConfirmation ? (
        <label class="row">
          <input type="checkbox" checked={allowCustomDomain} onChange={(e) => setAllowCustomDomain(e.currentTarget.checked)} />
          This is my Okta org’s custom domain
        </label>
      ) : null}
      <fieldset class="stack">
        <legend>Sign-in method</legend>
        <label class="row">
          <input type="radio" name="auth-mode" checked={mode === 'oauth'} onChange={() => chooseMode('oauth')} />
          OAuth 2.0 with PKCE (recommended: scoped, expiring tokens)
        </label>
        <label class="row">
          <input type="radio" name="auth-mode" checked={mode === 'ssws'} disabled={Boolean(lockedClientId)} onChange={() => chooseMode('ssws')} />
          API token (legacy: acts with all of its creator’s admin rights)
        </label>
      </fieldset>
      {mode === 'ssws' ? (
        <Field id="api-token" label="API token" error={report?.error?.field === 'token' ? report.error.sentence : expiredToken}
          hint={status?.connected && status.authMode === 'ssws' ? 'A token is saved. Paste a new one to replace it.' : 'Okta Admin Console › Security › API › Tokens › Create token.'}>
          {(props) => (
            <input {...props} type="password" value={token} autoComplete="off" spellcheck={false}
              onInput={(e) => { setToken(e.currentTarget.value); setReport(null); }} />
          )}
        </Field>
      ) : (
        <>
          <Field id="client-id" label="Client id" error={report?.error?.field === 'clientId' ? report.error.sentence : null}
            hint={lockedClientId ? LOCKED_HINT : 'The client id of the Okta OIDC app (Single-Page App) you created for Deskside.'}>
            {(props) => (
              <input {...props} type="text" value={clientId} readOnly={Boolean(lockedClientId)} autoComplete="off" spellcheck={false}
                onInput={(e) => { setClientId(e.currentTarget.value); setReport(null); }} />
            )}
          </Field>
          <p class="row">
            Sign-in redirect URI: <span class="code" data-testid="redirect-uri">{redirectUri}</span>
            <CopyButton text={redirectUri} what="redirect URI" />
          </p>
        </>
      )}
      <div class="row">
        <button type="button" disabled={!canTest || busy !== null} onClick={() => void run('test')}>
          {busy === 'test' ? 'Testing…' : 'Test connection'}
        </button>
        <button type="button" class="primary" disabled={!tested || busy !== null} onClick={() => void run('save')}
          title={tested ? undefined : 'Test the connection first'}>
          {busy === 'save' ? 'Saving…' : 'Save'}
        </button>
        {status?.connected ? (
          <button type="button" class="danger" disabled={busy !== null} onClick={() => void remove()}>
            Remove saved credential
          </button>
        ) : null}
      </div>
      <div aria-live="polite">
        {report ? <ConnectionReportView report={report} /> : null}
        {saved ? <p class="alert success">Saved. The first sync has started; its progress is under Sync.</p> : null}
      </div>
      <OktaSetupSteps redirectUri={redirectUri} />
    </section>
  );
}
