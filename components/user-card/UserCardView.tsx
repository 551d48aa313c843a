import { Fragment, type ComponentChildren } from 'preact';
import type { FieldMapEntry } from '@/lib/settings/schema';
import type { CardApp, CardFactor, CardGroup, UserCard } from '@/lib/messaging/views';
import CopyButton from '../CopyButton';
import RelativeTime from '../RelativeTime';
import Address from './Address';
import StatusBadge from './StatusBadge';
import { displayName, profileText } from './profile';
import GroupList from './GroupList';
import AppList from './AppList';
import FactorList from './FactorList';

type UserCardViewProps = {
  card: UserCard;
  fieldMap: FieldMapEntry[];
  /** 'refreshing' while the live fetch runs; 'updated' briefly after it lands. */
  freshness: 'cached' | 'refreshing' | 'updated' | 'live' | 'stale';
  /** The action area, shown under the name and status. */
  actions?: ComponentChildren;
  /** A control at the end of a group, app or factor row (Remove). */
  rowActions?: {
    group?: (group: CardGroup) => ComponentChildren;
    app?: (app: CardApp) => ComponentChildren;
    factor?: (factor: CardFactor) => ComponentChildren;
  };
};

const FRESHNESS: Record<UserCardViewProps['freshness'], string> = {
  cached: 'From the local directory',
  refreshing: 'Refreshing from Okta…',
  updated: 'Updated from Okta',
  live: 'Live from Okta',
  stale: 'Could not refresh from Okta; showing the local copy',
};

/** Who the person is in Okta: identity, status, times, mapped fields, groups, apps and factors. */
export default function UserCardView({ card, fieldMap, freshness, actions, rowActions }: UserCardViewProps) {
  const email = profileText(card, 'email');
  const login = profileText(card, 'login');
  return (
    <article class="user-card stack" aria-label={`Okta user ${displayName(card)}`} data-testid="user-card" data-user-id={card.id}>
      <header class="stack" style={{ gap: '4px' }}>
        <div class="row" style={{ justifyContent: 'space-between' }}>
          {/* elementtiming: the bench reads when the card was painted (Element Timing). */}
          <h2 data-testid="user-name" elementtiming="deskside-card">{displayName(card)}</h2>
          <StatusBadge status={card.status} transitioningToStatus={card.transitioningToStatus} />
        </div>
        <p class={`freshness ${freshness}`} aria-live="polite" data-testid="freshness">
          {FRESHNESS[freshness]}
        </p>
      </header>
      {actions}
      <dl class="facts">
        {email ? (
          <>
            <dt>Email</dt>
            <dd class="row">
              <Address value={email} testId="user-email" />
              <CopyButton text={email} what="email" />
            </dd>
          </>
        ) : null}
        {login ? (
          <>
            <dt>Login</dt>
            <dd class="row">
              <Address value={login} testId="user-login" />
              <CopyButton text={login} what="login" />
            </dd>
          </>
        ) : null}
        <dt>Last login</dt>
        <dd><RelativeTime value={card.lastLogin} /></dd>
        <dt>Password changed</dt>
        <dd><RelativeTime value={card.passwordChanged} /></dd>
        <dt>Created</dt>
        <dd><RelativeTime value={card.created} /></dd>
        {fieldMap.map((field) => (
          <Fragment key={field.attribute}>
            <dt>{field.label}</dt>
            <dd data-testid={`field-${field.attribute}`}>{profileText(card, field.attribute) ?? <span class="muted">—</span>}</dd>
          </Fragment>
        ))}
      </dl>
      <GroupList groups={card.groups} rowAction={rowActions?.group} />
      <AppList apps={card.apps} rowAction={rowActions?.app} />
      <FactorList factors={card.factors} rowAction={rowActions?.factor} />
      <p>
        <a href={card.adminUrl} target="_blank" rel="noopener noreferrer">
          Open in the Okta Admin Console
        </a>
      </p>
    </article>
  );
}
