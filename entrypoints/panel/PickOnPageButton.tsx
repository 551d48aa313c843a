import { useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';

type PickOnPageButtonProps = { nonce: string };

/** Starts pick mode on the page: the agent clicks the requester once and Deskside saves a rule for this helpdesk. */
export default function PickOnPageButton({ nonce }: PickOnPageButtonProps) {
  const [state, setState] = useState<{ kind: 'idle' | 'picking' } | { kind: 'error'; message: string }>({ kind: 'idle' });
  const start = () => {
    setState({ kind: 'picking' });
    sendMessage('armPicker', { nonce }).catch((e: unknown) => setState({ kind: 'error', message: e instanceof Error ? e.message : String(e) }));
  };
  return (
    <div class="pick-on-page">
      <button type="button" class="link" onClick={start}>
        Pick requester on page
      </button>
      {state.kind === 'picking' ? (
        <p class="muted" role="status">Click the requester’s email or name on the page. Esc cancels.</p>
      ) : state.kind === 'error' ? (
        <p class="alert error" role="alert">{state.message}</p>
      ) : null}
    </div>
  );
}
