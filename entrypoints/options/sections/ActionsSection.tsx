import { useState } from 'preact/hooks';
import { BUILT_IN_PLAYBOOKS, effectivePlaybooks } from '@/lib/actions/playbooks';
import { findAction } from '@/lib/actions/registry';
import type { Playbook } from '@/lib/settings/schema';
import GateTable from '../actions/GateTable';
import PlaybookEditor, { draftOf } from '../actions/PlaybookEditor';
import type { PlaybookDraft } from '../actions/playbook-validation';
import { useSettingsView } from '../useSettingsView';

const BUILT_IN_IDS = new Set(BUILT_IN_PLAYBOOKS.map((p) => p.id));

/** Gates per action and the playbooks agents can run. */
export default function ActionsSection() {
  const { view, save } = useSettingsView();
  const [editing, setEditing] = useState<PlaybookDraft | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  if (!view) return <section class="card"><h2>Actions</h2><p class="muted">Loading…</p></section>;

  const stored = view.settings.playbooks;
  const savePlaybooks = async (playbooks: Playbook[], message: string) => {
    const result = await save({ playbooks });
    setNotice(result.ok ? message : result.issues[0]?.message ?? 'The playbooks could not be saved.');
    return result.ok;
  };
  const upsert = async (playbook: Playbook) => {
    const ok = await savePlaybooks([...stored.filter((p) => p.id !== playbook.id), playbook], `Saved “${playbook.label}”.`);
    if (ok) setEditing(null);
    return ok;
  };

  return (
    <section class="card" aria-labelledby="actions-heading-options">
      <h2 id="actions-heading-options">Actions</h2>
      <GateTable view={view} onSave={async (gates) => (await save({ gates })).ok} />
      <h3>Playbooks</h3>
      <ul class="plain-list">
        {effectivePlaybooks(view.settings).map((p) => {
          const custom = stored.some((s) => s.id === p.id);
          return (
            <li key={p.id} class="row playbook-row" data-testid="playbook-row">
              <strong>{p.label}</strong>
              <span class="muted">{p.steps.map((s) => findAction(s.actionId)?.label ?? s.actionId).join(' → ')}</span>
              <button type="button" onClick={() => setEditing(draftOf(p))} aria-label={`Edit playbook ${p.label}`}>Edit</button>
              {custom ? (
                <button type="button" onClick={() => void savePlaybooks(stored.filter((s) => s.id !== p.id), BUILT_IN_IDS.has(p.id) ? `“${p.label}” is back to the built-in steps.` : `Deleted “${p.label}”.`)}
                  aria-label={`${BUILT_IN_IDS.has(p.id) ? 'Restore built-in' : 'Delete'} playbook ${p.label}`}>
                  {BUILT_IN_IDS.has(p.id) ? 'Restore built-in' : 'Delete'}
                </button>
              ) : null}
            </li>
          );
        })}
      </ul>
      {editing ? (
        <PlaybookEditor key={editing.id} initial={editing} onSave={upsert} onCancel={() => setEditing(null)} />
      ) : (
        <div class="row">
          <button type="button" onClick={() => setEditing({ id: `custom-${crypto.randomUUID().slice(0, 8)}`, label: '', steps: [] })}>New playbook</button>
        </div>
      )}
      <div aria-live="polite">{notice ? <p class="alert info">{notice}</p> : null}</div>
    </section>
  );
}
