import { useEffect, useRef, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';
import { sameLogin, type Confirmation } from '@/lib/actions/gate-check';
import type { Danger } from '@/lib/actions/types';
import type { Gate } from '@/lib/settings/schema';
import StatusBadge from '../user-card/StatusBadge';

export interface ConfirmTarget {
  name: string;
  login: string;
  status: string;
}

type ConfirmActionProps = {
  title: string;
  description: string;
  danger: Danger;
  gate: Gate;
  /** Who the action is for, as Okta has them (null before a user exists: Create user). */
  target: ConfirmTarget | null;
  /** What a 'typed' gate asks for: the target's Okta login, or the new user's login. */
  typedLogin: string;
  /** Why the inputs are not ready yet, or null. */
  problem: string | null;
  busy: boolean;
  onConfirm: (confirmation: Confirmation) => void;
  onCancel: () => void;
  children?: ComponentChildren;
};

/**
 * The confirmation step. It names the target's Okta login and status (not the name on the ticket,
 * which the page controls), so a spoofed address cannot pass unnoticed; a 'typed' gate keeps the
 * button disabled until the login is typed.
 */
export default function ConfirmAction(props: ConfirmActionProps) {
  const { title, description, danger, gate, target, typedLogin, problem, busy, onConfirm, onCancel, children } = props;
  const [typed, setTyped] = useState('');
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  const typedOk = gate !== 'typed' || (typedLogin !== '' && sameLogin(typed, typedLogin));
  const ready = !busy && !problem && typedOk;
  const submit = (event: Event) => {
    event.preventDefault();
    if (ready) onConfirm({ confirmed: true, ...(gate === 'typed' ? { typed } : {}) });
  };
  return (
    <form
      class={`confirm stack danger-${danger}`}
      aria-labelledby="confirm-title"
      data-testid="confirm-action"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') onCancel();
      }}
    >
      <h3 id="confirm-title" tabIndex={-1} ref={heading}>
        {title}
        {target ? <> for {target.name}</> : null}
      </h3>
      {target ? (
        <dl class="facts" data-testid="confirm-target">
          <dt>Okta login</dt>
          <dd><strong data-testid="confirm-login">{target.login}</strong></dd>
          <dt>Status</dt>
          <dd><StatusBadge status={target.status} /></dd>
        </dl>
      ) : null}
      <p>{description}</p>
      {children}
      {gate === 'typed' ? (
        <div class="field">
          <label for="confirm-typed">Type the Okta login to confirm</label>
          <input
            id="confirm-typed"
            type="text"
            autocomplete="off"
            spellcheck={false}
            value={typed}
            aria-describedby="confirm-typed-hint"
            onInput={(e) => setTyped(e.currentTarget.value)}
          />
          <span class="hint muted" id="confirm-typed-hint">
            {typedLogin ? <>Type <strong>{typedLogin}</strong> exactly (case does not matter).</> : 'Enter the login above first.'}
          </span>
        </div>
      ) : null}
      {problem ? <p class="hint muted" data-testid="confirm-problem">{problem}</p> : null}
      <div class="row">
        <button type="submit" class={danger === 'high' ? 'danger' : 'primary'} disabled={!ready} data-testid="confirm-button">
          {busy ? 'Working…' : gate === 'none' ? title : `Confirm: ${title}`}
        </button>
        <button type="button" onClick={onCancel} disabled={busy}>
          Cancel
        </button>
      </div>
    </form>
  );
}
