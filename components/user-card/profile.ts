import type { UserCard } from '@/lib/messaging/views';

function text(value: unknown): string | null {
  if (value === null || value === undefined || value === '') return null;
  if (Array.isArray(value)) return value.map(String).join(', ');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

export function profileText(card: UserCard, attribute: string): string | null {
  return text(card.profile[attribute]);
}

export function displayName(card: UserCard): string {
  const p = card.profile;
  return text(p.displayName) ?? ([text(p.firstName), text(p.lastName)].filter(Boolean).join(' ') || text(p.login) || card.id);
}
