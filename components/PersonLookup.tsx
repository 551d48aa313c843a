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
};

/** A person's Okta card, or what to do when they are not in Okta. */
export default function PersonLookup({ target, ticketName, onOpen }: PersonLookupProps) {
  const settings = useSettings();
  const { state } = useUserCard(target);
  if (state.kind === 'loading') return <p class="muted" aria-live="polite">Looking up in Okta…</p>;
  if (state.kind === 'error') {
    return (
      <p class="alert error" role="alert">
        {state.message}
      </p>
    );
  }
  if (state.kind === 'not-found') {
    return <NotInOkta email={'email' in target ? target.email : undefined} name={ticketName} onOpen={onOpen} />;
  }
  return (
    <div class="stack">
      <UserCardView card={state.card} fieldMap={settings.fieldMap} freshness={state.freshness} />
      {state.refreshError ? <p class="alert warn">{state.refreshError}</p> : null}
    </div>
  );
}
