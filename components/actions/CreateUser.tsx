import { useState } from 'preact/hooks';
import { inputProblem } from '@/lib/actions/input-problem';
import { findAction } from '@/lib/actions/registry';
import type { TicketRef } from '@/lib/actions/audit';
import type { Settings } from '@/lib/settings/schema';
import ActionInputs from './ActionInputs';
import ActionResultView from './ActionResultView';
import ConfirmAction from './ConfirmAction';
import { useActionFlow, type ActionSource } from './useActionFlow';

type CreateUserProps = {
  /** From the ticket: prefills the form. */
  name?: string;
  email?: string;
  settings: Settings;
  source: ActionSource;
  ticket: TicketRef | null;
  /** Opens the created user's card. */
  onCreated: (userId: string) => void;
};

function splitName(name: string | undefined): { firstName: string; lastName: string } {
  const parts = (name ?? '').trim().split(/\s+/).filter(Boolean);
  if (parts.length < 2) return { firstName: parts[0] ?? '', lastName: '' };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts[parts.length - 1]! };
}

/** "Create user" for a requester who is not in Okta, prefilled from the ticket's name and email. */
export default function CreateUser({ name, email, settings, source, ticket, onCreated }: CreateUserProps) {
  const action = findAction('create-user')!;
  const [open, setOpen] = useState(false);
  const flow = useActionFlow({
    userId: null,
    settings,
    source,
    ticket,
    onDone: (outcome) => {
      if (outcome?.outcome === 'success' && outcome.userId) onCreated(outcome.userId);
    },
  });
  const begin = () => {
    setOpen(true);
    flow.start('create-user', {});
    const prefill = { ...splitName(name), email: email ?? '', login: email ?? '' };
    for (const [key, value] of Object.entries(prefill)) flow.setValue(key, value);
  };
  const pending = flow.pending?.kind === 'action' ? flow.pending : null;
  if (flow.outcome) return <ActionResultView outcome={flow.outcome} onDismiss={flow.dismiss} />;
  if (!open || !pending) {
    return (
      <button type="button" class="primary" onClick={begin} disabled={flow.busy}>
        Create user
      </button>
    );
  }
  const login = String(pending.values.login ?? '');
  return (
    <ConfirmAction
      title={action.label}
      description={action.description}
      danger={action.danger}
      gate={pending.gate}
      target={null}
      typedLogin={login}
      problem={inputProblem(action, pending.values)}
      busy={flow.busy}
      onConfirm={flow.confirm}
      onCancel={() => {
        flow.cancel();
        setOpen(false);
      }}
    >
      <ActionInputs fields={action.inputs} values={pending.values} onChange={flow.setValue} card={null} fieldMap={settings.fieldMap} />
    </ConfirmAction>
  );
}
