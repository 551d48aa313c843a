import { useEffect, useState } from 'preact/hooks';
import { prepareSearch, searchFromPage } from '@/lib/directory/page-search';
import type { UserSummary } from '@/lib/messaging/views';

export const MAX_RESULTS = 20;

/** Local-directory matches for the query as it is typed, read from IndexedDB in this page; answers to older queries are dropped. */
export function useDirectorySearch(query: string) {
  const [results, setResults] = useState<UserSummary[]>([]);
  const [searched, setSearched] = useState('');
  const [error, setError] = useState<string | null>(null);
  useEffect(prepareSearch, []);
  useEffect(() => {
    const q = query.trim();
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
  }, [query]);
  return { results, searched, error };
}
