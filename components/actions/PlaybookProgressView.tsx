import type { PlaybookProgress, StepState } from '@/lib/actions/outcome';
import CopyButton from '../CopyButton';

const STATE_TEXT: Record<StepState, string> = {
  pending: 'waiting',
  running: 'running…',
  success: 'done',
  failure: 'failed',
  refused: 'refused',
  skipped: 'skipped',
};

function note(progress: PlaybookProgress): string {
  const steps = progress.steps.map((s) => `${s.label}: ${STATE_TEXT[s.state]}${s.detail ? ` (${s.errorCode ? `${s.errorCode} ` : ''}${s.detail})` : ''}`);
  return `[Okta] Playbook ${progress.label}: ${steps.join('; ')}`;
}

/** A playbook's steps and where each one stands; the first failure stops the run. */
export default function PlaybookProgressView({ progress, onDismiss }: { progress: PlaybookProgress; onDismiss: () => void }) {
  const failed = progress.steps.find((s) => s.state === 'failure' || s.state === 'refused');
  return (
    <section
      class={`alert ${!progress.done ? 'info' : failed ? 'error' : 'success'} stack`}
      aria-labelledby="playbook-progress-title"
      data-testid="playbook-progress"
      data-done={progress.done}
    >
      <h3 id="playbook-progress-title">
        {progress.label}: {!progress.done ? 'running' : failed ? 'stopped' : 'finished'}
      </h3>
      <ol class="steps" aria-live="polite">
        {progress.steps.map((step, index) => (
          <li key={index} data-state={step.state} data-testid="playbook-step">
            <span class={`step-state ${step.state}`}>{STATE_TEXT[step.state]}</span> {step.label}
            {step.detail ? (
              <span class="muted">
                {' '}
                — {step.errorCode ? <code>{step.errorCode}</code> : null} {step.detail}
              </span>
            ) : null}
          </li>
        ))}
      </ol>
      {progress.done ? (
        <div class="row">
          <CopyButton text={note(progress)} what="a note for the ticket" label="Copy ticket note" />
          <button type="button" onClick={onDismiss}>
            Dismiss
          </button>
        </div>
      ) : null}
    </section>
  );
}
