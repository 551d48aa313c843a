import { getUser } from '@/lib/okta';
import type { TicketRef } from './audit';
import { gateRefusal, type Confirmation } from './gate-check';
import type { ActionOutcome, PlaybookProgress } from './outcome';
import { effectivePlaybooks } from './playbooks';
import { findAction, gateOf } from './registry';
import { attemptAction, liveTarget, parseInputs, refuse, type RunnerDeps } from './runner';

export interface PlaybookRequest {
  playbookId: string;
  userId: string;
  runId: string;
  confirmation: Confirmation;
  ticket: TicketRef | null;
  source: 'panel' | 'popup';
}

/**
 * Runs a playbook's steps in order against the live user, stopping at the first step that fails
 * or is refused (the rest are marked skipped). The playbook's gate is checked once, against the
 * user's current login; each step re-checks the user's status and its own 'disabled' gate, and is
 * audited on its own. `onProgress` sees every change of state.
 */
export async function runPlaybook(
  deps: RunnerDeps,
  request: PlaybookRequest,
  onProgress: (progress: PlaybookProgress) => void | Promise<void>,
): Promise<PlaybookProgress> {
  const settings = await deps.settings();
  const playbook = effectivePlaybooks(settings).find((p) => p.id === request.playbookId);
  if (!playbook) throw new Error(`Deskside has no playbook "${request.playbookId}".`);
  const progress: PlaybookProgress = {
    runId: request.runId,
    playbookId: playbook.id,
    label: playbook.label,
    steps: playbook.steps.map((step) => ({
      actionId: step.actionId,
      label: findAction(step.actionId)?.label ?? step.actionId,
      state: 'pending',
      detail: null,
      errorCode: null,
    })),
    done: false,
  };
  const gate = gateOf(playbook, settings.gates);
  for (const [index, step] of playbook.steps.entries()) {
    const view = progress.steps[index]!;
    const action = findAction(step.actionId);
    view.state = 'running';
    await onProgress(progress);
    let outcome: ActionOutcome;
    if (!action || action.target !== 'user') {
      view.state = 'refused';
      view.detail = `Step ${index + 1} names "${step.actionId}", which is not an action on a user; fix the playbook in the options.`;
    } else {
      outcome = await attemptAction(
        deps,
        {
          action,
          inputs: step.inputs,
          ticket: request.ticket,
          source: request.source,
          playbook: { id: playbook.id, runId: request.runId, step: index + 1, of: playbook.steps.length },
        },
        async (client, noteTarget) => {
          if (index === 0) {
            const current = await getUser(client, request.userId);
            noteTarget(current);
            const refusal = gateRefusal(gate, request.confirmation, current.profile.login);
            if (refusal) refuse(`${playbook.label}: ${refusal}`);
          }
          if (gateOf(action, settings.gates) === 'disabled') refuse(`${action.label} is disabled by an administrator, so ${playbook.label} stops here.`);
          const inputs = parseInputs(action, step.inputs);
          const user = await liveTarget(client, action, request.userId, noteTarget);
          return (c) => action.run({ client: c, user }, inputs);
        },
      );
      view.state = outcome.outcome;
      view.detail = outcome.detail;
      view.errorCode = outcome.errorCode;
    }
    if (view.state !== 'success') {
      for (const rest of progress.steps.slice(index + 1)) rest.state = 'skipped';
      break;
    }
  }
  progress.done = true;
  await onProgress(progress);
  return progress;
}
