/** What the panel's buttons do; the forms receive these as callbacks. */
import type { Evidence } from '../../lib/card/card-model';
import { sendMessage } from '../../lib/messaging';

/** Scrolls the tab to the entity's first mark and opens its card there. */
export async function revealOnPage(tabId: number, entityId: string): Promise<boolean> {
  const reply = await sendMessage({ type: 'focusMarkInTab', tabId, entityId });
  return reply.ok && reply.data.found;
}

/** Opens the source page in a new tab with the quote highlighted. */
export async function openSource(evidence: Pick<Evidence, 'sourceId' | 'packId' | 'quote'>): Promise<boolean> {
  const reply = await sendMessage({ type: 'openSource', sourceId: evidence.sourceId, packId: evidence.packId, quote: evidence.quote });
  return reply.ok;
}
