import { useEffect, useState } from 'preact/hooks';
import { ACTIONS } from '@/lib/actions/registry';
import type { SettingsView } from '@/lib/messaging/messages/settings';
import type { Gate } from '@/lib/settings/schema';

const GATES: { value: Gate; label: string }[] = [
  { value: 'none', label: 'No confirmation' },
  { value: 'confirm', label: 'Confirm' },
  { value: 'typed', label: 'Type the user’s login' },
  { value: 'disabled', label: 'Disabled' },
];
const gateLabel = (gate: Gate) => GATES.find((g) => g.value === gate)?.label ?? gate;

type GateTableProps = { view: SettingsView; onSave: (gates: Record<string, Gate>) => Promise<boolean> };

/** What an agent must do before each action runs; the organisation's policy can lock some. */
export default function GateTable({ view, onSave }: GateTableProps) {
  const [gates, setGates] = useState<Record<string, Gate>>(view.settings.gates);
  const [notice, setNotice] = useState<string | null>(null);
  useEffect(() => setGates(view.settings.gates), [view]);
  const lockedGates = view.policy.gates ?? {};

  const choose = (id: string, defaultGate: Gate, gate: Gate) => {
    const next = { ...gates };
    if (gate === defaultGate) delete next[id];
    else next[id] = gate;
    setGates(next);
    setNotice(null);
  };
  const save = async () => {
    const editable = Object.fromEntries(Object.entries(gates).filter(([id]) => !(id in lockedGates)));
    if (await onSave(editable)) setNotice('Saved. The panel and the popup use these gates from the next action.');
  };

  return (
    <div class="stack">
      <h3>Gates</h3>
      <table>
        <thead>
          <tr><th scope="col">Action</th><th scope="col">Risk</th><th scope="col">Before it runs</th></tr>
        </thead>
        <tbody>
          {ACTIONS.map((action) => {
            const locked = lockedGates[action.id];
            const gate = locked ?? gates[action.id] ?? action.defaultGate;
            return (
              <tr key={action.id}>
                <td>{action.label}</td>
                <td><span class={`badge ${action.danger === 'high' ? 'danger' : action.danger === 'medium' ? 'warn' : 'neutral'}`}>{action.danger}</span></td>
                <td>
                  <select aria-label={`Gate for ${action.label}`} value={gate} disabled={Boolean(locked)} aria-describedby={locked ? `gate-${action.id}-locked` : undefined}
                    onChange={(e) => choose(action.id, action.defaultGate, e.currentTarget.value as Gate)}>
                    {GATES.map((g) => (
                      <option key={g.value} value={g.value}>{g.label}{g.value === action.defaultGate ? ' (default)' : ''}</option>
                    ))}
                  </select>
                  {locked ? <span class="hint muted" id={`gate-${action.id}-locked`}> Locked to “{gateLabel(locked)}” by your organisation’s policy</span> : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div class="row"><button type="button" class="primary" onClick={() => void save()}>Save gates</button></div>
      <div aria-live="polite">{notice ? <p class="alert success">{notice}</p> : null}</div>
    </div>
  );
}
