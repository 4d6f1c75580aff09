/**
 * The background's hold on the store: keeps the bundled pack loaded (ensureBundledPack,
 * one run at a time) and the status the popup and options page show.
 */
import type { FactPack } from '../pack/types';
import type { StoreStatus } from '../messaging/protocol';
import { ensureBundledPack, type EnsureOptions } from '../store/ensure-bundled-pack';
import type { FactmarkDB, PackMeta } from '../store/db';
import { toStoreError } from '../store/store-error';

export class StoreService {
  status: StoreStatus = { state: 'loading', evictions: 0 };
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: FactmarkDB,
    private readonly bundled: FactPack,
    private readonly options: EnsureOptions = {},
  ) {}

  /**
   * Makes sure the bundled pack is in the store. Calls are queued, so install, update and
   * start-up may all call it: the second run finds the pack unchanged and stops. Never
   * rejects; a failure is in `status` (and a store that failed to update still answers
   * with the pack it had).
   */
  ensure(): Promise<StoreStatus> {
    const run = this.queue.then(() => this.runEnsure());
    this.queue = run;
    return run;
  }

  /** Resolves once the queued loads are done, whatever their outcome. */
  async ready(): Promise<FactmarkDB> {
    await this.queue;
    return this.db;
  }

  /** A key that changes whenever the readable packs change (for dictionary caches). */
  static packsKey(packs: readonly PackMeta[]): string {
    return packs
      .filter((p) => p.enabled)
      .map((p) => `${p.id}@${p.hash}`)
      .sort()
      .join('|');
  }

  private async runEnsure(): Promise<StoreStatus> {
    const log = this.options.log ?? console;
    try {
      const result = await ensureBundledPack(this.db, this.bundled, this.options);
      // A later run that finds nothing to do must not hide what the first one did.
      const lastAction = result.action === 'unchanged' ? (this.status.lastAction ?? 'unchanged') : result.action;
      this.status = { state: 'ready', lastAction, evictions: result.marker.evictions };
      if (result.marker.lastEvictedAt !== undefined) this.status.lastEvictedAt = result.marker.lastEvictedAt;
      if (result.persisted !== undefined) this.status.persisted = result.persisted;
    } catch (error) {
      const storeError = toStoreError(error, 'loading the bundled pack');
      log.warn(`[factmark] ${storeError.message}`);
      this.status = { ...this.status, state: 'error', error: { code: storeError.code, message: storeError.message } };
    }
    return this.status;
  }
}
