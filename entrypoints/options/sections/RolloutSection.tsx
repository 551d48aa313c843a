import { useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { originPattern } from '@/lib/detect/match-pattern';
import { sendMessage } from '@/lib/messaging/channel';
import { exportSettings, parseSettingsFile, type SettingsExport } from '@/lib/settings/transfer';
import { issueAt, useSettingsView } from '../useSettingsView';

const POLICY_LABELS: Record<string, string> = {
  oktaDomain: 'Okta domain',
  oauthClientId: 'OAuth client id (sign-in with Okta)',
  gates: 'Action gates',
  selfHostedOrigins: 'Self-hosted helpdesks',
};

function download(name: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: 'application/json' }));
  const a = Object.assign(document.createElement('a'), { href: url, download: name });
  a.click();
  URL.revokeObjectURL(url);
}

/** Settings shared across a team: export and import as JSON (no credentials), and what the organisation's policy locks. */
export default function RolloutSection() {
  const { view, issues, accept } = useSettingsView();
  const [file, setFile] = useState<SettingsExport | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const [useDomain, setUseDomain] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  const choose = async (input: HTMLInputElement) => {
    setNotice(null);
    const chosen = input.files?.[0];
    if (!chosen) return;
    const parsed = parseSettingsFile(await chosen.text());
    setFile(parsed.ok ? parsed.file : null);
    setFileError(parsed.ok ? null : parsed.message);
    setUseDomain(false);
  };
  // Host permissions for the file's self-hosted helpdesks are asked for inside this click.
  const apply = () => {
    if (!file) return;
    const origins = file.settings.selfHosted.map((s) => originPattern(s.origin));
    const asked = origins.length ? browser.permissions.request({ origins }).catch(() => false) : Promise.resolve(true);
    void asked.then(async (granted) => {
      const result = accept(await sendMessage('importSettings', { file, useDomain }));
      if (!result.ok) return setFileError(result.issues[0]?.message ?? 'The file could not be imported.');
      setFile(null);
      setNotice(
        `Imported.${granted ? '' : ' Access to the self-hosted helpdesks was not granted; grant it under Helpdesks.'}${
          useDomain ? ' Connect under Connection with your own API token or Okta sign-in.' : ''
        }`,
      );
    });
  };

  if (!view) return <section class="card"><h2>Team rollout</h2><p class="muted">Loading…</p></section>;
  const policyEntries = Object.entries(view.policy).filter(([, v]) => v !== undefined);

  return (
    <section class="card" aria-labelledby="rollout-heading">
      <h2 id="rollout-heading">Team rollout</h2>
      <h3>Export</h3>
      <p>
        Save these settings as a file to give to other agents: field map, sync, helpdesks, custom rules, gates and playbooks. The
        file never holds the API token or sign-in tokens; each agent connects with their own.
      </p>
      <div class="row">
        <button type="button" onClick={() => download('deskside-settings.json', JSON.stringify(exportSettings(view.settings), null, 2))}>
          Export settings
        </button>
      </div>
      <h3>Import</h3>
      <div class="field">
        <label for="import-file">Settings file to import</label>
        <input id="import-file" type="file" accept="application/json,.json" aria-describedby={fileError ? 'import-file-error' : undefined}
          onChange={(e) => void choose(e.currentTarget)} />
        {fileError ? <span id="import-file-error" class="field-error" role="alert">{fileError}</span> : null}
      </div>
      {file ? (
        <div class="stack alert info" data-testid="import-summary">
          <p>
            This file has {file.settings.fieldMap.length} card fields, {file.settings.selfHosted.length} self-hosted helpdesks,{' '}
            {file.settings.customRules.length} custom rules and {file.settings.playbooks.length} playbooks.
          </p>
          {file.settings.oktaDomain ? (
            <label class="row">
              <input type="checkbox" checked={useDomain} onChange={(e) => setUseDomain(e.currentTarget.checked)} />
              Use the Okta domain from this file: <span class="code">{file.settings.oktaDomain}</span>
            </label>
          ) : null}
          {issueAt(issues, 'settings') ? <p class="field-error" role="alert">{issueAt(issues, 'settings')}</p> : null}
          <div class="row">
            <button type="button" class="primary" onClick={apply}>Apply imported settings</button>
            <button type="button" onClick={() => setFile(null)}>Cancel</button>
          </div>
        </div>
      ) : null}
      <div aria-live="polite">{notice ? <p class="alert success">{notice}</p> : null}</div>
      <h3>Organisation policy</h3>
      {policyEntries.length ? (
        <div class="stack" data-testid="managed-policy">
          <p>Your organisation manages these settings through browser policy. They are locked here; ask your IT admin to change them.</p>
          <ul class="plain-list">
            {policyEntries.map(([key, value]) => (
              <li key={key}>
                Locked: {POLICY_LABELS[key] ?? key}: <span class="code">{typeof value === 'string' ? value : JSON.stringify(value)}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : (
        <p class="muted">
          No policy is installed. An IT admin can pre-set and lock the Okta domain, the OAuth client id, action gates and
          self-hosted helpdesks for every agent through the browser’s managed storage (3rdparty extension policy).
        </p>
      )}
    </section>
  );
}
