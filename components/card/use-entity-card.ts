/** Loads one entity's card, forgetting answers that arrive after the id changed. */
import { useEffect, useState } from 'preact/hooks';
import type { EntityCard } from '../../lib/store/views';
import type { CardState } from './card-view';

export function useEntityCard(load: (id: string) => Promise<EntityCard | null>, id: string): { state: CardState; card: EntityCard | undefined } {
  const [result, setResult] = useState<{ id: string; state: CardState; card?: EntityCard }>({ id, state: 'loading' });
  useEffect(() => {
    let live = true;
    setResult((r) => (r.id === id ? r : { id, state: 'loading' }));
    load(id).then(
      (card) => live && setResult(card ? { id, state: 'ready', card } : { id, state: 'missing' }),
      () => live && setResult({ id, state: 'error' }),
    );
    return () => {
      live = false;
    };
  }, [id, load]);
  // Until the effect above runs for a new id, the old result must not show under it.
  return result.id === id ? { state: result.state, card: result.card } : { state: 'loading', card: undefined };
}
