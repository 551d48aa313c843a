import { useState } from 'preact/hooks';
import type { TicketRef } from '@/lib/actions/audit';
import ActionableCard from './actions/ActionableCard';
import CreateUser from './actions/CreateUser';
import type { ActionSource } from './actions/useActionFlow';
import { useSettings } from './hooks/useSettings';
import { useUserCard, type CardRef } from './hooks/useUserCard';
import NotInOkta from './NotInOkta';
import UserCardView from './user-card/UserCardView';

type PersonLookupProps = {
  /** Who to show: an Okta id (popup, search) or the email read from the ticket. */
  target: CardRef;
  /** The name on the ticket, for suggestions when the person is not in Okta. */
  ticketName?: string;
  /** Opens another person (a suggestion picked by the agent). */
  onOpen?: (userId: string) => void;
  /** Where the card is shown; with a source the card offers Okta actions, recorded in the audit under it. */
  source?: ActionSource;
  /** The ticket the panel sits on (the popup has none), recorded with every action. */
  ticket?: TicketRef | null;
};

/** A person's Okta card (with actions when a source is given), or what to do when they are not in Okta. */
export default function PersonLookup({ target, ticketName, onOpen, source, ticket = null }: PersonLookupProps) {
  const settings = useSettings();
  const { state, reload } = useUserCard(target);
  const [deleted, setDeleted] = useState(false);
  if (state.kind === 'loading') return <p class="muted" aria-live="polite">Looking up in Okta…</p>;
  if (state.kind === 'error') {
    return (
      <p class="alert error" role="alert">
        {state.message}
      </p>
    );
  }
  const email = 'email' in target ? target.email : undefined;
  if (state.kind === 'not-found' || deleted) {
    return (
      <div class="stack">
        {deleted ? <p class="alert success" role="status">The user was deleted from Okta.</p> : null}
        <NotInOkta email={email} name={ticketName} onOpen={onOpen} />
        {source && onOpen ? (
          <CreateUser name={ticketName} email={email} settings={settings} source={source} ticket={ticket} onCreated={onOpen} />
        ) : null}
      </div>
    );
  }
  return (
    <div class="stack">
      {source ? (
        <ActionableCard
          card={state.card}
          freshness={state.freshness}
          settings={settings}
          source={source}
          ticket={ticket}
          reload={reload}
          onDeleted={() => setDeleted(true)}
        />
      ) : (
        <UserCardView card={state.card} fieldMap={settings.fieldMap} freshness={state.freshness} />
      )}
      {state.refreshError ? <p class="alert warn">{state.refreshError}</p> : null}
    </div>
  );
}
