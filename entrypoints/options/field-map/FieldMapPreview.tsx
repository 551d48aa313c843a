import { useEffect, useState } from 'preact/hooks';
import UserCardView from '@/components/user-card/UserCardView';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserCard, UserSummary } from '@/lib/messaging/views';
import type { FieldMapEntry } from '@/lib/settings/schema';

/** The card as agents will see it with the edited map, on a real person from the local directory. */
export default function FieldMapPreview({ fieldMap }: { fieldMap: FieldMapEntry[] }) {
  const [query, setQuery] = useState('');
  const [matches, setMatches] = useState<UserSummary[]>([]);
  const [card, setCard] = useState<UserCard | null>(null);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setMatches([]);
    let current = true;
    void sendMessage('searchDirectory', { query: q }).then((found) => current && setMatches(found.slice(0, 6)));
    return () => {
      current = false;
    };
  }, [query]);
  const pick = async (userId: string) => setCard(await sendMessage('getUserCard', { userId }));

  return (
    <div class="stack preview">
      <h3 id="preview-heading">Preview</h3>
      <label for="preview-search">Preview on a person from the directory</label>
      <input id="preview-search" type="search" value={query} placeholder="Name, email or login" onInput={(e) => setQuery(e.currentTarget.value)} />
      <ul class="plain-list" aria-label="People to preview">
        {matches.map((m) => (
          <li key={m.id}>
            <button type="button" class="link" onClick={() => void pick(m.id)}>
              {m.name} ({m.email})
            </button>
          </li>
        ))}
      </ul>
      {card ? <div class="preview-card"><UserCardView card={card} fieldMap={fieldMap} freshness="cached" /></div> : <p class="muted">Pick a person to see the card.</p>}
    </div>
  );
}
