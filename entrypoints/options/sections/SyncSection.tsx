import { useEffect, useState } from 'preact/hooks';
import Field from '@/components/Field';
import { issuesOf, type FieldIssue } from '@/lib/settings/patch';
import type { UserStatus } from '@/lib/okta/schemas';
import { SyncSettings, USER_STATUSES } from '@/lib/settings/schema';
import ScopePicker from '../sync/ScopePicker';
import SyncHealthPanel from '../sync/SyncHealthPanel';
import { issueAt, useSettingsView } from '../useSettingsView';

interface SyncForm {
  fullIntervalHours: string;
  incrementalIntervalMinutes: string;
  importGroups: boolean;
  includeStatuses: UserStatus[];
  scopeMode: 'all' | 'selected';
  groupIds: string[];
  appIds: string[];
  budgetPercent: string;
}

function formOf(sync: SyncSettings): SyncForm {
  return {
    fullIntervalHours: String(sync.fullIntervalHours),
    incrementalIntervalMinutes: String(sync.incrementalIntervalMinutes),
    importGroups: sync.importGroups,
    includeStatuses: [...sync.includeStatuses],
    scopeMode: sync.scope.mode,
    groupIds: sync.scope.mode === 'selected' ? [...sync.scope.groupIds] : [],
    appIds: sync.scope.mode === 'selected' ? [...sync.scope.appIds] : [],
    budgetPercent: String(Math.round(sync.budgetShare * 100)),
  };
}

const number = (text: string) => (text.trim() === '' ? Number.NaN : Number(text));

function syncOf(form: SyncForm) {
  return {
    fullIntervalHours: number(form.fullIntervalHours),
    incrementalIntervalMinutes: number(form.incrementalIntervalMinutes),
    importGroups: form.importGroups,
    includeStatuses: form.includeStatuses,
    scope: form.scopeMode === 'all' ? { mode: 'all' as const } : { mode: 'selected' as const, groupIds: form.groupIds, appIds: form.appIds },
    budgetShare: number(form.budgetPercent) / 100,
  };
}

const STATUS_LABELS: Record<UserStatus, string> = {
  ACTIVE: 'Active',
  PROVISIONED: 'Pending activation (provisioned)',
  STAGED: 'Staged',
  RECOVERY: 'Password reset (recovery)',
  LOCKED_OUT: 'Locked out',
  PASSWORD_EXPIRED: 'Password expired',
  SUSPENDED: 'Suspended',
  DEPROVISIONED: 'Deactivated (deprovisioned)',
};

/** Sync schedule, what is synced, the share of Okta's rate limits it may use, and the directory's health. */
export default function SyncSection() {
  const { view, issues: savedIssues, save } = useSettingsView();
  const [form, setForm] = useState<SyncForm | null>(null);
  const [issues, setIssues] = useState<FieldIssue[]>([]);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => {
    if (view && !form) setForm(formOf(view.settings.sync));
  }, [view]);
  useEffect(() => setIssues(savedIssues.map((i) => ({ ...i, path: i.path.replace(/^sync\./, '') }))), [savedIssues]);

  const edit = (patch: Partial<SyncForm>) => {
    setForm((f) => (f ? { ...f, ...patch } : f));
    setNotice(null);
  };
  const submit = async (e: Event) => {
    e.preventDefault();
    if (!form) return;
    const parsed = SyncSettings.safeParse(syncOf(form));
    if (!parsed.success) {
      setIssues(issuesOf(parsed.error));
      return;
    }
    setIssues([]);
    const result = await save({ sync: parsed.data });
    if (result.ok) {
      setForm(formOf(result.view.settings.sync));
      setNotice(result.fullSyncStarted ? 'Saved. A full sync has started, because what is synced changed.' : 'Saved. The schedule follows the new intervals.');
    }
  };

  const toggleStatus = (status: UserStatus, on: boolean) =>
    edit({ includeStatuses: on ? USER_STATUSES.filter((s) => s === status || form?.includeStatuses.includes(s)) : form!.includeStatuses.filter((s) => s !== status) });

  return (
    <section class="card" aria-labelledby="sync-heading">
      <h2 id="sync-heading">Sync</h2>
      <p class="muted">
        Deskside keeps a copy of your Okta directory in this browser, so lookups are instant. A full sync rebuilds it; incremental
        syncs in between fetch only what changed.
      </p>
      <SyncHealthPanel />
      {form ? (
        <form class="stack" onSubmit={(e) => void submit(e)} noValidate>
          <h3>Schedule and scope</h3>
          <div class="row wrap-fields">
            <Field id="full-interval" label="Full sync every (hours)" error={issueAt(issues, 'fullIntervalHours')}>
              {(props) => <input {...props} type="number" min={1} max={168} step={1} value={form.fullIntervalHours} onInput={(e) => edit({ fullIntervalHours: e.currentTarget.value })} />}
            </Field>
            <Field id="incremental-interval" label="Incremental sync every (minutes)" error={issueAt(issues, 'incrementalIntervalMinutes')}>
              {(props) => <input {...props} type="number" min={1} max={1440} step={1} value={form.incrementalIntervalMinutes} onInput={(e) => edit({ incrementalIntervalMinutes: e.currentTarget.value })} />}
            </Field>
            <Field id="budget-share" label="Share of Okta’s rate limits for sync (%)" error={issueAt(issues, 'budgetShare')}
              hint="Agents’ actions always go first; the rest stays for your other integrations.">
              {(props) => <input {...props} type="number" min={10} max={90} step={5} value={form.budgetPercent} onInput={(e) => edit({ budgetPercent: e.currentTarget.value })} />}
            </Field>
          </div>
          <label class="row">
            <input type="checkbox" checked={form.importGroups} onChange={(e) => edit({ importGroups: e.currentTarget.checked })} />
            Import groups (and each person’s group memberships)
          </label>
          <fieldset class="stack" aria-describedby={issueAt(issues, 'includeStatuses') ? 'statuses-error' : undefined}>
            <legend>People to sync, by Okta status</legend>
            <div class="status-grid">
              {USER_STATUSES.map((status) => (
                <label class="row" key={status}>
                  <input type="checkbox" checked={form.includeStatuses.includes(status)} onChange={(e) => toggleStatus(status, e.currentTarget.checked)} />
                  {STATUS_LABELS[status]}
                </label>
              ))}
            </div>
            {issueAt(issues, 'includeStatuses') ? <span id="statuses-error" class="field-error" role="alert">{issueAt(issues, 'includeStatuses')}</span> : null}
          </fieldset>
          <fieldset class="stack">
            <legend>Scope</legend>
            <label class="row">
              <input type="radio" name="scope" checked={form.scopeMode === 'all'} onChange={() => edit({ scopeMode: 'all' })} />
              Everyone in the org
            </label>
            <label class="row">
              <input type="radio" name="scope" checked={form.scopeMode === 'selected'} onChange={() => edit({ scopeMode: 'selected' })} />
              Only members of chosen groups and people assigned to chosen apps
            </label>
            {form.scopeMode === 'selected' ? (
              <div class="scope-pickers">
                <ScopePicker kind="groups" chosen={form.groupIds} onChange={(groupIds) => edit({ groupIds })} />
                <ScopePicker kind="apps" chosen={form.appIds} onChange={(appIds) => edit({ appIds })} />
              </div>
            ) : null}
            {issueAt(issues, 'scope') ? <span class="field-error" role="alert">{issueAt(issues, 'scope')}</span> : null}
          </fieldset>
          <div class="row">
            <button type="submit" class="primary">Save sync settings</button>
          </div>
          <div aria-live="polite">{notice ? <p class="alert success">{notice}</p> : null}</div>
        </form>
      ) : (
        <p class="muted">Loading…</p>
      )}
    </section>
  );
}
