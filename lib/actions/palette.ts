export interface Command {
  id: string;
  label: string;
  keywords: readonly string[];
}

function score(command: Command, words: string[]): number {
  const label = command.label.toLowerCase();
  const haystack = [label, ...command.keywords.map((k) => k.toLowerCase())].join(' ');
  if (!words.every((word) => haystack.includes(word))) return -1;
  const phrase = words.join(' ');
  if (label === phrase) return 3;
  if (label.startsWith(phrase)) return 2;
  return words.every((word) => label.includes(word)) ? 1 : 0;
}

/** Commands whose label or keywords hold every typed word, best first: exact label, label prefix, label words, keywords. */
export function matchCommands<C extends Command>(query: string, commands: readonly C[]): C[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...commands];
  return commands
    .map((command, index) => ({ command, index, score: score(command, words) }))
    .filter((entry) => entry.score >= 0)
    .sort((a, b) => b.score - a.score || a.index - b.index)
    .map((entry) => entry.command);
}
