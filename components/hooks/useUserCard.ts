import { createContext } from 'preact';
import { useContext, useLayoutEffect, useState } from 'preact/hooks';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserCard } from '@/lib/messaging/views';

export type CardRef = { userId: string } | { email: string };
export type CardState =
  | { kind: 'loading' }
  | { kind: 'not-found' }
  | { kind: 'error'; message: string }
  | { kind: 'card'; card: UserCard; freshness: 'cached' | 'refreshing' | 'updated' | 'live' | 'stale'; refreshError: string | null };

const UPDATED_NOTICE_MS = 2500;

function keyOf(ref: CardRef | null): string {
  return ref ? ('userId' in ref ? `id:${ref.userId}` : `email:${ref.email.toLowerCase()}`) : '';
}

/**
 * Cached cards already in hand (the panel's context brings the first person's), by ref key, so
 * they show in the first render instead of after a round trip; each is used once.
 */
export class PrimedCards {
  private readonly cards = new Map<string, UserCard>();

  prime(ref: CardRef, card: UserCard): void {
    this.cards.set(keyOf(ref), card);
  }

  peek(ref: CardRef | null): UserCard | undefined {
    return this.cards.get(keyOf(ref));
  }

  take(ref: CardRef | null): UserCard | undefined {
    const card = this.peek(ref);
    this.cards.delete(keyOf(ref));
    return card;
  }
}

export const PrimedCardsContext = createContext<PrimedCards>(new PrimedCards());

const cachedState = (card: UserCard): CardState => ({ kind: 'card', card, freshness: 'refreshing', refreshError: null });

/**
 * A person's card: the cached copy at once, then a live refresh from Okta (user, groups, apps,
 * factors) that replaces it and briefly says "Updated from Okta". `reload` re-runs the live read.
 */
export function useUserCard(ref: CardRef | null) {
  const key = keyOf(ref);
  const primedCards = useContext(PrimedCardsContext);
  const [state, setState] = useState<CardState>(() => {
    const primed = primedCards.peek(ref);
    return primed ? cachedState(primed) : { kind: 'loading' };
  });
  const [generation, setGeneration] = useState(0);

  // A layout effect: the cached card is asked for in the same task as the render, not after a paint.
  useLayoutEffect(() => {
    if (!ref) return;
    let current = true;
    const setIfCurrent = (next: CardState | ((prev: CardState) => CardState)) => current && setState(next);
    const primed = generation === 0 ? primedCards.take(ref) : undefined;
    setIfCurrent((prev) => (primed ? cachedState(primed) : prev.kind === 'card' && generation > 0 ? { ...prev, freshness: 'refreshing' } : { kind: 'loading' }));
    void (async () => {
      const cached = primed ?? (generation === 0 ? await sendMessage('getUserCard', ref).catch(() => null) : null);
      if (cached && !primed) setIfCurrent(cachedState(cached));
      try {
        const fresh = await sendMessage('refreshUserCard', ref);
        if (!fresh) return setIfCurrent({ kind: 'not-found' });
        setIfCurrent({ kind: 'card', card: fresh, freshness: 'updated', refreshError: null });
        setTimeout(() => setIfCurrent((prev) => (prev.kind === 'card' && prev.freshness === 'updated' ? { ...prev, freshness: 'live' } : prev)), UPDATED_NOTICE_MS);
      } catch (e) {
        const message = e instanceof Error ? e.message : String(e);
        setIfCurrent((prev) =>
          prev.kind === 'card' ? { ...prev, freshness: 'stale', refreshError: message } : cached ? prev : { kind: 'error', message },
        );
      }
    })();
    return () => {
      current = false;
    };
  }, [key, generation]);

  return { state, reload: () => setGeneration((g) => g + 1), replace: (card: UserCard) => setState({ kind: 'card', card, freshness: 'live', refreshError: null }) };
}
