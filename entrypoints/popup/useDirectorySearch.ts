import { useEffect, useState } from 'preact/hooks';
import { prepareSearch, searchFromPage } from '@/lib/directory/page-search';
import { sendMessage } from '@/lib/messaging/channel';
import type { UserSummary } from '@/lib/messaging/views';

export const MAX_RESULTS = 20;
/** Well under the worker's quiet period (READER_QUIET_MS), so steady typing keeps the sync's writes held. */
const READING_SIGNAL_EVERY_MS = 300;

/** Tells the worker the agent is searching, at most every READING_SIGNAL_EVERY_MS. */
function readingSignal(): () => void {
  let lastSent = Number.NEGATIVE_INFINITY;
  return () => {
    const now = performance.now();
    if (now - lastSent < READING_SIGNAL_EVERY_MS) return;
    lastSent = now;
    sendMessage('readingDirectory', undefined).catch(() => {
      // Only a hint for a running sync; searching works without it.
    });
  };
}

/** Local-directory matches for the query as it is typed, read from IndexedDB in this page; answers to older queries are dropped. */
export function useDirectorySearch(query: string) {
  const [results, setResults] = useState<UserSummary[]>([]);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [signalReading] = useState(readingSignal);
  useEffect(prepareSearch, []);
  // Runs as the popup opens too, so the worker hears of the agent before the first keystroke.
  useEffect(() => {
    const q = query.trim();
    signalReading();
    if (!q) {
      setResults([]);
      setSearched('');
      return;
    }
    let current = true;
    searchFromPage(q)
      .then((found) => {
        if (!current) return;
        setResults(found.slice(0, MAX_RESULTS));
        setSearched(q);
        setError(null);
      })
      .catch((e: unknown) => current && setError(e instanceof Error ? e.message : String(e)));
    return () => {
      current = false;
    };
  }, [query, signalReading]);
  return { results, searched, error };
}
