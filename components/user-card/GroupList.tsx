import type { ComponentChildren } from 'preact';
import type { CardGroup } from '@/lib/messaging/views';

const TYPE_LABEL: Record<CardGroup['type'], string> = { OKTA_GROUP: 'Okta', APP_GROUP: 'App', BUILT_IN: 'Built-in' };

/** The user's groups with their type; only Okta groups can have their members changed from Deskside. */
export default function GroupList({ groups, rowAction }: { groups: CardGroup[]; rowAction?: (group: CardGroup) => ComponentChildren }) {
  return (
    <section aria-labelledby="groups-heading" class="stack" style={{ gap: '4px' }}>
      <h3 id="groups-heading">Groups ({groups.length})</h3>
      {groups.length === 0 ? (
        <p class="muted">No groups.</p>
      ) : (
        <ul class="plain-list" data-testid="group-list">
          {groups.map((g) => (
            <li key={g.id} class="row">
              <span>{g.name}</span>
              <span class="badge neutral" title={g.type === 'OKTA_GROUP' ? 'Membership editable in Okta' : 'Membership managed outside Okta'}>
                {TYPE_LABEL[g.type]}
              </span>
              {rowAction?.(g)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
