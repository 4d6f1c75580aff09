/**
 * Packs left half-written. A first install is staged (load-pack.ts): its dictionary row
 * first, then the rest. If its writer dies before the end (the options page closed, the
 * browser crashed), the pack stays in state 'writing' with some of its rows. Nothing
 * older was lost (a replacement is never staged), and the file is not kept, so the only
 * honest repair is to remove what was written and tell the user to import again.
 */
import type { FactmarkDB, PackMeta } from './db';
import { removePack } from './load-pack';
import { toStoreError } from './store-error';
import { defaultWriteLocks, packWriteLock, type WriteLocks } from './write-lock';

/**
 * Removes every pack in state 'writing' whose writer is gone (nobody holds its write
 * lock) and returns their metas; a pack whose writer is still at work is left alone.
 */
export async function recoverPartialPacks(db: FactmarkDB, locks: WriteLocks = defaultWriteLocks()): Promise<PackMeta[]> {
  try {
    const writing = (await db.packs.toArray()).filter((p) => p.state === 'writing');
    const removed: PackMeta[] = [];
    for (const meta of writing) {
      // Holding the lock while we check and remove: no writer can start in between.
      const result = await locks.tryHold(packWriteLock(db.name, meta.id), async () => {
        const current = await db.packs.get(meta.id);
        if (current?.state !== 'writing') return false;
        await removePack(db, meta.id);
        return true;
      });
      if (result.held && result.value) removed.push(meta);
    }
    return removed;
  } catch (error) {
    throw toStoreError(error, 'removing half-written packs');
  }
}
