/**
 * The search box's state: the query, the latest results, and whether an answer is on its
 * way. Each keystroke asks the background (lib/search owns the index there); answers that
 * arrive after a newer question are dropped, and the previous results stay on screen
 * until the new ones come, so typing never flashes an empty list.
 */
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Reply } from '../../lib/messaging/protocol';
import type { SearchResults } from '../../lib/search/search';

export type SearchState = 'idle' | 'searching' | 'done' | 'error';

export type Searcher = (query: string) => Promise<Reply<SearchResults>>;

export function useSearch(ask: Searcher): { query: string; setQuery(q: string): void; results: SearchResults | null; state: SearchState } {
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<SearchResults | null>(null);
  const [state, setState] = useState<SearchState>('idle');
  const latest = useRef(0);

  // Warms the index as the popup opens (an empty query only loads it: see protocol.ts).
  useEffect(() => void ask(''), []);

  useEffect(() => {
    const question = ++latest.current;
    if (query.trim() === '') {
      setResults(null);
      setState('idle');
      return;
    }
    setState('searching');
    void ask(query).then((reply) => {
      if (question !== latest.current) return;
      if (reply.ok) {
        setResults(reply.data);
        setState('done');
      } else setState('error');
    });
  }, [query]);

  return { query, setQuery, results, state };
}
