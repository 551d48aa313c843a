import { findAction } from '@/lib/actions/registry';
import { Playbook } from '@/lib/settings/schema';

export interface StepDraft {
  key: number;
  actionId: string;
  inputs: Record<string, unknown>;
}

export interface PlaybookDraft {
  id: string;
  label: string;
  steps: StepDraft[];
}

export type PlaybookCheck = { ok: true; playbook: Playbook } | { ok: false; label: string | null; steps: Record<number, string>; general: string | null };

/** Checks a playbook being edited: a label, one to 30 steps, each a known action whose inputs it accepts. */
export function checkPlaybook(draft: PlaybookDraft): PlaybookCheck {
  const label = draft.label.trim() ? null : 'Give the playbook a name.';
  const steps: Record<number, string> = {};
  draft.steps.forEach((step, i) => {
    const action = findAction(step.actionId);
    if (!action) steps[i] = 'Choose an action for this step.';
    else if (action.target !== 'user') steps[i] = `${action.label} cannot be a playbook step: it has no existing user.`;
    else {
      const parsed = action.input.safeParse(step.inputs);
      if (!parsed.success) steps[i] = `${action.label}: ${parsed.error.issues[0]?.message ?? 'invalid inputs'}`;
    }
  });
  const general = draft.steps.length === 0 ? 'Add at least one step.' : draft.steps.length > 30 ? 'A playbook has at most 30 steps.' : null;
  if (label || general || Object.keys(steps).length) return { ok: false, label, steps, general };
  const parsed = Playbook.safeParse({ id: draft.id, label: draft.label.trim(), steps: draft.steps.map(({ actionId, inputs }) => ({ actionId, inputs })) });
  return parsed.success ? { ok: true, playbook: parsed.data } : { ok: false, label: null, steps: {}, general: parsed.error.issues[0]?.message ?? 'Invalid playbook.' };
}
