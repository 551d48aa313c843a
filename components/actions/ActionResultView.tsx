import { useEffect, useRef } from 'preact/hooks';
import type { ActionOutcome } from '@/lib/actions/outcome';
import CopyButton from '../CopyButton';

type ActionResultViewProps = { outcome: ActionOutcome; onDismiss: () => void };

/** What an action did: the change, or Okta's error code and sentence; a one-time secret shown once. */
export default function ActionResultView({ outcome, onDismiss }: ActionResultViewProps) {
  const box = useRef<HTMLDivElement>(null);
  useEffect(() => box.current?.focus(), [outcome]);
  const ok = outcome.outcome === 'success';
  return (
    <div
      ref={box}
      tabIndex={-1}
      class={`alert ${ok ? 'success' : 'error'} stack`}
      role={ok ? 'status' : 'alert'}
      data-testid="action-result"
      data-outcome={outcome.outcome}
    >
      <p>
        <strong>{outcome.label}</strong>: {ok ? '' : outcome.outcome === 'refused' ? 'not done. ' : 'Okta refused. '}
        {outcome.errorCode ? <code data-testid="error-code">{outcome.errorCode}</code> : null} <span data-testid="result-detail">{outcome.detail}</span>
      </p>
      {outcome.secret ? (
        <div class="secret stack" data-testid="one-time-secret">
          <span>{outcome.secret.label} (shown only now, never saved):</span>
          <div class="row">
            <code class="secret-value">{outcome.secret.value}</code>
            <CopyButton text={outcome.secret.value} what={outcome.secret.label.toLowerCase()} />
          </div>
        </div>
      ) : null}
      <div class="row">
        <CopyButton text={outcome.note} what="a note for the ticket" label="Copy ticket note" />
        <button type="button" onClick={onDismiss}>
          Dismiss
        </button>
      </div>
    </div>
  );
}
