import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserSummary } from '@/lib/messaging/views';
import StatusBadge from './user-card/StatusBadge';

type NotInOktaProps = {
  email?: string;
  name?: string;
  onOpen?: (userId: string) => void;
};

/** The ticket's person has no Okta account under that address: closest matches and a manual search. */
export default function NotInOkta({ email, name, onOpen }: NotInOktaProps) {
  const [query, setQuery] = useState(name ?? email?.split('@')[0]?.replace(/[._-]+/g, ' ') ?? '');
  const [matches, setMatches] = useState<UserSummary[]>([]);
  useEffect(() => {
    const q = query.trim();
    if (q.length < 2) return setMatches([]);
    let current = true;
    void sendMessage('searchDirectory', { query: q }).then((found) => current && setMatches(found.slice(0, 8)));
    return () => {
      current = false;
    };
  }, [query]);
  return (
    <section class="stack" aria-labelledby="not-in-okta-heading" data-testid="not-in-okta">
      <h2 id="not-in-okta-heading">Not in Okta</h2>
      <p>
        No Okta user has the address <strong>{email ?? 'on this ticket'}</strong>. It may be a personal address, a typo, or someone
        who has not been created yet.
      </p>
      <label for="not-in-okta-search">Search the directory</label>
      <input id="not-in-okta-search" type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      {matches.length > 0 ? (
        <ul class="plain-list" aria-label="Closest matches">
          {matches.map((m) => (
            <li key={m.id} class="row">
              <button type="button" class="link" onClick={() => onOpen?.(m.id)}>
                {m.name}
              </button>
              <span class="muted">{m.email}</span>
              <StatusBadge status={m.status} />
            </li>
          ))}
        </ul>
      ) : query.trim().length >= 2 ? (
        <p class="muted">No close matches.</p>
      ) : null}
    </section>
  );
}
