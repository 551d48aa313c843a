import { useEffect, useState } from 'preact/hooks';
import type { ComponentChildren } from 'preact';

type TypeaheadProps<T> = {
  id: string;
  label: string;
  /** Searches as the agent types (at least one character). */
  search: (query: string) => Promise<T[]>;
  keyOf: (item: T) => string;
  textOf: (item: T) => string;
  /** Extra content of an option (a type badge). */
  detailOf?: (item: T) => ComponentChildren;
  onPick: (item: T) => void;
};

/** A combobox over the local directory: type, move with the arrow keys, Enter or click to pick. */
export default function Typeahead<T>({ id, label, search, keyOf, textOf, detailOf, onPick }: TypeaheadProps<T>) {
  const [query, setQuery] = useState('');
  const [items, setItems] = useState<T[]>([]);
  const [active, setActive] = useState(0);
  useEffect(() => {
    const q = query.trim();
    if (!q) return setItems([]);
    let current = true;
    void search(q).then((found) => {
      if (!current) return;
      setItems(found.slice(0, 8));
      setActive(0);
    });
    return () => {
      current = false;
    };
  }, [query]);
  const pick = (item: T) => {
    onPick(item);
    setQuery('');
    setItems([]);
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(items.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter' && items[active]) pick(items[active]);
    else if (event.key === 'Escape' && items.length > 0) setItems([]);
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  const listId = `${id}-options`;
  const open = items.length > 0;
  return (
    <div class="typeahead stack">
      <label for={id}>{label}</label>
      <input
        id={id}
        type="text"
        role="combobox"
        autocomplete="off"
        aria-autocomplete="list"
        aria-expanded={open}
        aria-controls={listId}
        aria-activedescendant={open ? `${id}-option-${active}` : undefined}
        value={query}
        onInput={(e) => setQuery(e.currentTarget.value)}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label={`${label}: matches`} class="typeahead-options" hidden={!open}>
        {items.map((item, index) => (
          <li
            key={keyOf(item)}
            id={`${id}-option-${index}`}
            role="option"
            aria-selected={index === active}
            class={index === active ? 'active' : ''}
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => pick(item)}
          >
            <span>{textOf(item)}</span>
            {detailOf ? detailOf(item) : null}
          </li>
        ))}
      </ul>
      {query.trim() && !open ? <span class="hint muted">No match in the local directory.</span> : null}
    </div>
  );
}
