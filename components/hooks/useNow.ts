import { useEffect, useState } from 'preact/hooks';

/** Relative times are shown to the minute; every mounted one re-renders on this one shared tick. */
const TICK_MS = 30_000;
const listeners = new Set<(now: number) => void>();
let timer: ReturnType<typeof setInterval> | undefined;

function subscribe(listener: (now: number) => void): () => void {
  listeners.add(listener);
  timer ??= setInterval(() => {
    const now = Date.now();
    for (const notify of listeners) notify(now);
  }, TICK_MS);
  return () => {
    listeners.delete(listener);
    if (listeners.size === 0) {
      clearInterval(timer);
      timer = undefined;
    }
  };
}

/** The current time, renewed every 30 s while mounted, so "3 minutes ago" stays true without a re-render from above. */
export function useNow(): Date {
  const [now, setNow] = useState(Date.now);
  useEffect(() => subscribe(setNow), []);
  return new Date(now);
}
