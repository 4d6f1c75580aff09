/**
 * The card of an entity whose pack is still being written (a first install is matched as
 * soon as its dictionary row is in, minutes before its facts for the biggest packs): the
 * answer waits until the pack is complete, so the card shows its loading state and then
 * the whole card, never half of one. An entity no pack knows still answers at once.
 */
import type { FactmarkDB } from './db';
import { entityCard } from './entity-card';
import type { EntityCard } from './views';

/** Give up (and answer "not found") after this long. */
const WAIT_MS = 120_000;

export interface WaitOptions {
  /** How often the pack list is read while waiting. Default 500 ms. */
  pollMs?: number;
}

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

const somePackWriting = async (db: FactmarkDB) => (await db.packs.toArray()).some((p) => p.enabled && p.state === 'writing');

export async function entityCardWhenWritten(db: FactmarkDB, id: string, options: WaitOptions = {}): Promise<EntityCard | undefined> {
  const deadline = Date.now() + WAIT_MS;
  for (;;) {
    const card = await entityCard(db, id);
    if (card || !(await somePackWriting(db)) || Date.now() >= deadline) return card;
    while ((await somePackWriting(db)) && Date.now() < deadline) await sleep(options.pollMs ?? 500);
  }
}
