import { useState } from 'preact/hooks';
import { ACTIONS, findAction } from '@/lib/actions/registry';
import type { ActionInputField } from '@/lib/actions/types';
import type { Playbook } from '@/lib/settings/schema';
import ScopePicker from '../sync/ScopePicker';
import { checkPlaybook, type PlaybookDraft, type StepDraft } from './playbook-validation';

let nextKey = 1;
const STEP_ACTIONS = ACTIONS.filter((a) => a.target === 'user');

export const draftOf = (playbook: Playbook): PlaybookDraft => ({
  id: playbook.id,
  label: playbook.label,
  steps: playbook.steps.map((s) => ({ key: nextKey++, actionId: s.actionId, inputs: { ...s.inputs } })),
});

function StepInput({ field, value, onChange }: { field: ActionInputField; value: unknown; onChange: (v: unknown) => void }) {
  if (field.kind === 'boolean') {
    return (
      <label class="row">
        <input type="checkbox" checked={typeof value === 'boolean' ? value : field.default} onChange={(e) => onChange(e.currentTarget.checked)} />
        {field.label}
      </label>
    );
  }
  if (field.kind === 'group' || field.kind === 'app') {
    const ids = Array.isArray(value) ? (value as string[]) : [];
    return <ScopePicker kind={field.kind === 'group' ? 'groups' : 'apps'} chosen={ids} onChange={onChange} />;
  }
  if (field.kind === 'text') {
    return (
      <label class="stack">
        {field.label}
        <input type="text" value={typeof value === 'string' ? value : ''} onInput={(e) => onChange(e.currentTarget.value)} />
      </label>
    );
  }
  return <p class="muted">{field.label}: chosen by the agent when the playbook runs.</p>;
}

type PlaybookEditorProps = { initial: PlaybookDraft; onSave: (playbook: Playbook) => Promise<boolean>; onCancel: () => void };

/** Edits one playbook: its name and ordered steps, each an action with its inputs. */
export default function PlaybookEditor({ initial, onSave, onCancel }: PlaybookEditorProps) {
  const [draft, setDraft] = useState(initial);
  const [errors, setErrors] = useState<Extract<ReturnType<typeof checkPlaybook>, { ok: false }> | null>(null);
  const setSteps = (steps: StepDraft[]) => setDraft({ ...draft, steps });
  const editStep = (i: number, patch: Partial<StepDraft>) => setSteps(draft.steps.map((s, j) => (j === i ? { ...s, ...patch } : s)));
  const move = (i: number, by: -1 | 1) => {
    const steps = [...draft.steps];
    const [step] = steps.splice(i, 1);
    steps.splice(i + by, 0, step!);
    setSteps(steps);
  };
  const save = async () => {
    const checked = checkPlaybook(draft);
    if (!checked.ok) return setErrors(checked);
    setErrors(null);
    await onSave(checked.playbook);
  };

  return (
    <fieldset class="stack" data-testid="playbook-editor">
      <legend>Edit playbook</legend>
      <div class="field">
        <label for="playbook-label">Playbook name</label>
        <input id="playbook-label" value={draft.label} aria-invalid={Boolean(errors?.label)} aria-describedby={errors?.label ? 'playbook-label-error' : undefined}
          onInput={(e) => setDraft({ ...draft, label: e.currentTarget.value })} />
        {errors?.label ? <span id="playbook-label-error" class="field-error" role="alert">{errors.label}</span> : null}
      </div>
      <ol class="stack steps-list">
        {draft.steps.map((step, i) => {
          const action = findAction(step.actionId);
          const error = errors?.steps[i];
          return (
            <li key={step.key} class="stack step" data-testid="playbook-step">
              <div class="row">
                <label for={`step-${step.key}`}>Step {i + 1}</label>
                <select id={`step-${step.key}`} value={step.actionId} aria-invalid={Boolean(error)} aria-describedby={error ? `step-${step.key}-error` : undefined}
                  onChange={(e) => editStep(i, { actionId: e.currentTarget.value, inputs: {} })}>
                  <option value="">Choose an action…</option>
                  {STEP_ACTIONS.map((a) => <option key={a.id} value={a.id}>{a.label}</option>)}
                </select>
                <button type="button" disabled={i === 0} onClick={() => move(i, -1)} aria-label={`Move step ${i + 1} up`}>↑</button>
                <button type="button" disabled={i === draft.steps.length - 1} onClick={() => move(i, 1)} aria-label={`Move step ${i + 1} down`}>↓</button>
                <button type="button" onClick={() => setSteps(draft.steps.filter((_, j) => j !== i))} aria-label={`Remove step ${i + 1}`}>Remove</button>
              </div>
              {action?.inputs.map((field) => (
                <StepInput key={field.name} field={field} value={step.inputs[field.name]} onChange={(v) => editStep(i, { inputs: { ...step.inputs, [field.name]: v } })} />
              ))}
              {error ? <span id={`step-${step.key}-error`} class="field-error" role="alert">{error}</span> : null}
            </li>
          );
        })}
      </ol>
      {errors?.general ? <p class="field-error" role="alert">{errors.general}</p> : null}
      <div class="row">
        <button type="button" onClick={() => setSteps([...draft.steps, { key: nextKey++, actionId: '', inputs: {} }])}>Add step</button>
        <button type="button" class="primary" onClick={() => void save()}>Save playbook</button>
        <button type="button" onClick={onCancel}>Cancel</button>
      </div>
    </fieldset>
  );
}
