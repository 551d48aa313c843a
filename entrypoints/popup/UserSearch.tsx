import { useEffect, useRef, useState } from 'preact/hooks';
import StatusBadge from '@/components/user-card/StatusBadge';
import { useDirectorySearch } from './useDirectorySearch';

type UserSearchProps = {
  query: string;
  onQuery: (query: string) => void;
  onOpen: (userId: string) => void;
};

/** The search box and its results, as an ARIA combobox: type, arrow keys to move, Enter to open. */
export default function UserSearch({ query, onQuery, onOpen }: UserSearchProps) {
  const { results, searched, error } = useDirectorySearch(query);
  // The highlighted option belongs to one list of results; new results start at their first, in the
  // same render, so an Enter pressed as they appear opens what is shown.
  const [moved, setMoved] = useState<{ results: typeof results; index: number } | null>(null);
  const active = moved?.results === results ? moved.index : results.length ? 0 : -1;
  const setActive = (next: (index: number) => number) => setMoved({ results, index: next(active) });
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);

  const open = results.length > 0;
  const optionId = (i: number) => `person-option-${i}`;
  const onKeyDown = (e: KeyboardEvent) => {
    if (e.key === 'ArrowDown' && open) {
      e.preventDefault();
      setActive((i) => (i + 1) % results.length);
    } else if (e.key === 'ArrowUp' && open) {
      e.preventDefault();
      setActive((i) => (i <= 0 ? results.length - 1 : i - 1));
    } else if (e.key === 'Enter' && open && active >= 0) {
      e.preventDefault();
      const hit = results[active];
      if (hit) onOpen(hit.id);
    } else if (e.key === 'Escape' && query) {
      e.preventDefault();
      onQuery('');
    }
  };
  useEffect(() => document.getElementById(optionId(active))?.scrollIntoView({ block: 'nearest' }), [active]);

  return (
    <div class="stack search">
      <label for="person-search">Find a person in Okta</label>
      <input
        ref={input}
        id="person-search"
        type="text"
        role="combobox"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls="person-results"
        aria-activedescendant={open && active >= 0 ? optionId(active) : undefined}
        aria-describedby="person-search-hint"
        autoComplete="off"
        spellcheck={false}
        placeholder="Name, email or login"
        value={query}
        onInput={(e) => onQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <span id="person-search-hint" class="visually-hidden">
        Arrow keys move through the results; Enter opens the person.
      </span>
      <ul id="person-results" role="listbox" aria-label="People" class="results" hidden={!open}>
        {results.map((person, i) => (
          <li
            key={person.id}
            id={optionId(i)}
            role="option"
            aria-selected={i === active}
            class={i === active ? 'active' : undefined}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => onOpen(person.id)}
          >
            <span class="result-name">{person.name}</span>
            <StatusBadge status={person.status} />
            <span class="result-detail">{person.email === person.login ? person.email : `${person.email} · ${person.login}`}</span>
          </li>
        ))}
      </ul>
      <p class="muted" aria-live="polite">
        {error ?? (searched && !results.length ? `No one in the local directory matches “${searched}”.` : open ? `${results.length} found` : '')}
      </p>
    </div>
  );
}
