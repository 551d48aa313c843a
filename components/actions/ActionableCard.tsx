import type { TicketRef } from '@/lib/actions/audit';
import { canOffer } from '@/lib/actions/offered';
import type { UserStatus } from '@/lib/okta/schemas';
import type { UserCard } from '@/lib/messaging/views';
import type { Settings } from '@/lib/settings/schema';
import UserCardView from '../user-card/UserCardView';
import { factorName } from '../user-card/FactorList';
import ActionArea from './ActionArea';
import { useActionFlow, type ActionSource } from './useActionFlow';

type ActionableCardProps = {
  card: UserCard;
  freshness: 'cached' | 'refreshing' | 'updated' | 'live' | 'stale';
  settings: Settings;
  source: ActionSource;
  ticket: TicketRef | null;
  /** Re-reads the card live from Okta (after an action). */
  reload: () => void;
  /** Shows the not-found state (after Delete). */
  onDeleted: () => void;
};

/** The user card with its actions: the action bar under the name, Remove on group, app and factor rows. */
export default function ActionableCard({ card, freshness, settings, source, ticket, reload, onDeleted }: ActionableCardProps) {
  const flow = useActionFlow({
    userId: card.id,
    settings,
    source,
    ticket,
    onDone: (outcome) => (outcome?.actionId === 'delete' && outcome.outcome === 'success' ? onDeleted() : reload()),
  });
  const status = card.status as UserStatus;
  const offer = (actionId: string) => canOffer(actionId, status, settings.gates) && !flow.busy;
  return (
    <UserCardView
      card={card}
      fieldMap={settings.fieldMap}
      freshness={freshness}
      actions={<ActionArea card={card} settings={settings} flow={flow} />}
      rowActions={{
        group: (group) =>
          group.type === 'OKTA_GROUP' && offer('remove-group') ? (
            <button type="button" class="link" aria-label={`Remove from group ${group.name}`} onClick={() => flow.start('remove-group', { group }, `Group: ${group.name}`)}>
              Remove
            </button>
          ) : null,
        app: (app) =>
          offer('remove-app') ? (
            <button
              type="button"
              class="link"
              aria-label={`Remove app ${app.label}`}
              onClick={() =>
                flow.start(
                  'remove-app',
                  { app: { id: app.id, label: app.label } },
                  app.scope === 'GROUP'
                    ? `App: ${app.label}. It comes through a group, so Okta will refuse to remove it directly; remove the group membership instead.`
                    : `App: ${app.label}`,
                )
              }
            >
              Remove
            </button>
          ) : null,
        factor: (factor) =>
          offer('remove-factor') ? (
            <button
              type="button"
              class="link"
              aria-label={`Remove factor ${factorName(factor)}`}
              onClick={() => flow.start('remove-factor', { factorId: factor.id, factorType: factor.factorType }, `Factor: ${factorName(factor)}`)}
            >
              Remove
            </button>
          ) : null,
      }}
    />
  );
}
