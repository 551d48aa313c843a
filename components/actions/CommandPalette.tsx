import { useEffect, useRef, useState } from 'preact/hooks';
import { matchCommands, type Command } from '@/lib/actions/palette';

export interface PaletteCommand extends Command {
  run: () => void;
}

type CommandPaletteProps = { commands: PaletteCommand[]; onClose: () => void };

/** Type what to do ("reset mfa"), Enter: opens that action's confirmation. Escape closes. */
export default function CommandPalette({ commands, onClose }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => input.current?.focus(), []);
  const matches = matchCommands(query, commands);
  const choose = (command: PaletteCommand | undefined) => {
    if (!command) return;
    onClose();
    command.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'ArrowDown') setActive((a) => Math.min(matches.length - 1, a + 1));
    else if (event.key === 'ArrowUp') setActive((a) => Math.max(0, a - 1));
    else if (event.key === 'Enter') choose(matches[active]);
    else if (event.key === 'Escape') onClose();
    else return;
    event.preventDefault();
    event.stopPropagation();
  };
  return (
    <div class="palette-backdrop" onClick={(e) => e.target === e.currentTarget && onClose()}>
      <div class="palette stack" role="dialog" aria-modal="true" aria-labelledby="palette-title" data-testid="command-palette">
        <h2 id="palette-title" class="visually-hidden">
          Commands
        </h2>
        <input
          ref={input}
          type="text"
          role="combobox"
          aria-label="Type an action"
          aria-expanded={matches.length > 0}
          aria-controls="palette-options"
          aria-activedescendant={matches.length > 0 ? `palette-option-${active}` : undefined}
          aria-autocomplete="list"
          autocomplete="off"
          placeholder="Type an action, e.g. reset mfa"
          value={query}
          onInput={(e) => {
            setQuery(e.currentTarget.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="palette-options" role="listbox" aria-label="Actions" class="typeahead-options">
          {matches.map((command, index) => (
            <li
              key={command.id}
              id={`palette-option-${index}`}
              role="option"
              aria-selected={index === active}
              class={index === active ? 'active' : ''}
              onClick={() => choose(command)}
            >
              {command.label}
            </li>
          ))}
        </ul>
        {matches.length === 0 ? <p class="muted">No action matches “{query}” for this user.</p> : null}
      </div>
    </div>
  );
}
