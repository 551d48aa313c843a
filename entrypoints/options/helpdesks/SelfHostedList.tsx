import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import Field from '@/components/Field';
import { ADAPTERS } from '@/lib/detect/registry';
import { originPattern } from '@/lib/detect/match-pattern';
import { sendMessage } from '@/lib/messaging/channel';
import type { SaveSettingsResult, SettingsView } from '@/lib/messaging/messages/settings';
import { normalizeHelpdeskOrigin } from '@/lib/settings/self-hosted';

type SelfHostedListProps = { view: SettingsView; accept: (result: SaveSettingsResult) => SaveSettingsResult };

const adapterName = (id: string) => (id === 'auto' ? 'Recognised automatically' : ADAPTERS.find((a) => a.id === id)?.name ?? id);

/** Self-hosted helpdesks: each needs the browser's permission for its host, asked for on the admin's click. */
export default function SelfHostedList({ view, accept }: SelfHostedListProps) {
  const [address, setAddress] = useState('');
  const [helpdesk, setHelpdesk] = useState('auto');
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const locked = new Set(view.policy.selfHostedOrigins ?? []);

  // permissions.request must run in the click's user gesture: nothing is awaited before it.
  const grantAndAdd = (origin: string, adapter: string) => {
    setBusy(true);
    setError(null);
    void browser.permissions
      .request({ origins: [originPattern(origin)] })
      .then(async (granted) => {
        if (!granted) {
          setError(`Access to ${origin} was not granted, so Deskside cannot run there. Click Add and choose Allow.`);
          return;
        }
        const result = accept(await sendMessage('addSelfHosted', { origin, helpdesk: adapter }));
        if (result.ok) setAddress('');
        else setError(result.issues[0]?.message ?? 'The helpdesk could not be added.');
      })
      .catch((e: unknown) => setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setBusy(false));
  };
  const add = () => {
    const origin = normalizeHelpdeskOrigin(address);
    if (!origin.ok) return setError(origin.reason);
    grantAndAdd(origin.origin, helpdesk);
  };
  const remove = async (origin: string) => {
    const result = accept(await sendMessage('removeSelfHosted', { origin }));
    if (!result.ok) setError(result.issues[0]?.message ?? 'The helpdesk could not be removed.');
  };

  return (
    <div class="stack">
      <h3 id="self-hosted-heading">Self-hosted helpdesks</h3>
      {view.settings.selfHosted.length ? (
        <table>
          <thead>
            <tr><th scope="col">Address</th><th scope="col">Helpdesk</th><th scope="col">State</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr>
          </thead>
          <tbody>
            {view.settings.selfHosted.map((s) => {
              const missing = view.missingPermissions.includes(s.origin);
              return (
                <tr key={s.origin} data-testid="self-hosted-row">
                  <td><span class="code">{s.origin}</span></td>
                  <td>{adapterName(s.helpdesk)}</td>
                  <td>{missing ? 'Waiting for access' : 'On'}{locked.has(s.origin) ? ' · Locked: set by your organisation’s policy' : ''}</td>
                  <td><div class="row">
                    {missing ? <button type="button" onClick={() => grantAndAdd(s.origin, s.helpdesk)}>Grant access to {new URL(s.origin).host}</button> : null}
                    {locked.has(s.origin) ? null : (
                      <button type="button" onClick={() => void remove(s.origin)} aria-label={`Remove ${s.origin}`}>Remove</button>
                    )}
                  </div></td>
                </tr>
              );
            })}
          </tbody>
        </table>
      ) : (
        <p class="muted">None yet.</p>
      )}
      <div class="row wrap-fields">
        <Field id="self-hosted-address" label="Helpdesk address" error={error} hint="For example https://help.acme.com. The browser asks you to allow Deskside on that site.">
          {(props) => <input {...props} type="text" value={address} spellcheck={false} placeholder="https://help.acme.com" onInput={(e) => { setAddress(e.currentTarget.value); setError(null); }} />}
        </Field>
        <Field id="self-hosted-kind" label="Helpdesk software">
          {(props) => (
            <select {...props} value={helpdesk} onChange={(e) => setHelpdesk(e.currentTarget.value)}>
              <option value="auto">Recognise automatically</option>
              {ADAPTERS.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
            </select>
          )}
        </Field>
      </div>
      <div class="row">
        <button type="button" disabled={busy} onClick={add}>Add helpdesk</button>
      </div>
    </div>
  );
}
