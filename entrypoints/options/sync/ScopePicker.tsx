import { useEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';

type Item = { id: string; name: string };

type ScopePickerProps = {
  kind: 'groups' | 'apps';
  chosen: string[];
  onChange: (ids: string[]) => void;
};

async function search(kind: 'groups' | 'apps', query: string): Promise<Item[]> {
  if (kind === 'groups') return (await sendMessage('searchGroups', { query })).map((g) => ({ id: g.id, name: g.name }));
  return (await sendMessage('searchApps', { query })).map((a) => ({ id: a.id, name: a.label }));
}

/** Picks groups or apps from the local directory by name; chosen ones are listed with a Remove button. */
export default function ScopePicker({ kind, chosen, onChange }: ScopePickerProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Item[]>([]);
  const [names, setNames] = useState<Record<string, string>>({});
  const noun = kind === 'groups' ? 'group' : 'app';
  useEffect(() => {
    let current = true;
    void search(kind, query.trim()).then((items) => {
      if (!current) return;
      setFound(items.slice(0, 8));
      setNames((n) => ({ ...n, ...Object.fromEntries(items.map((i) => [i.id, i.name])) }));
    });
    return () => {
      current = false;
    };
  }, [kind, query]);
  const id = `scope-${kind}`;
  return (
    <div class="stack picker">
      <label for={id}>Find a {noun}</label>
      <input id={id} type="search" value={query} onInput={(e) => setQuery(e.currentTarget.value)} placeholder={`${noun} name`} />
      <ul class="plain-list" aria-label={`Matching ${kind}`}>
        {found.filter((i) => !chosen.includes(i.id)).map((item) => (
          <li key={item.id} class="row">
            <button type="button" onClick={() => onChange([...chosen, item.id])} aria-label={`Add ${noun} ${item.name}`}>
              Add
            </button>
            {item.name}
          </li>
        ))}
      </ul>
      <p class="muted">{chosen.length ? `Chosen ${kind}:` : `No ${kind} chosen.`}</p>
      <ul class="plain-list" aria-label={`Chosen ${kind}`}>
        {chosen.map((chosenId) => (
          <li key={chosenId} class="row">
            <button type="button" onClick={() => onChange(chosen.filter((c) => c !== chosenId))} aria-label={`Remove ${noun} ${names[chosenId] ?? chosenId}`}>
              Remove
            </button>
            {names[chosenId] ?? <span class="code">{chosenId}</span>}
          </li>
        ))}
      </ul>
    </div>
  );
}
