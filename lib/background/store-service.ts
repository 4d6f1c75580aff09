/**
 * The background's hold on the store: keeps the bundled pack loaded (ensureBundledPack,
 * one run at a time), removes packs whose import died half-way (recoverPartialPacks), and
 * keeps the status the popup and options page show.
 */
import type { FactPack } from '../pack/types';
import type { StoreStatus } from '../messaging/protocol';
import { ensureBundledPack, type EnsureOptions } from '../store/ensure-bundled-pack';
import type { FactmarkDB, PackMeta } from '../store/db';
import { recoverPartialPacks } from '../store/partial-packs';
import { toStoreError } from '../store/store-error';
import type { WriteLocks } from '../store/write-lock';

export class StoreService {
  status: StoreStatus = { state: 'loading', evictions: 0 };
  /** Counts the loads (ensure, recover) that have finished: anything read before may be stale. */
  version = 0;
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    readonly db: FactmarkDB,
    private readonly bundled: FactPack,
    private readonly options: EnsureOptions & { locks?: WriteLocks } = {},
  ) {}

  /**
   * Makes sure the bundled pack is in the store. Calls are queued, so install, update and
   * start-up may all call it: the second run finds the pack unchanged and stops. Never
   * rejects; a failure is in `status` (and a store that failed to update still answers
   * with the pack it had).
   */
  ensure(): Promise<StoreStatus> {
    const run = this.queue.then(() => this.runEnsure()).finally(() => this.version++);
    this.queue = run;
    return run;
  }

  /**
   * Removes half-written packs whose writer is gone (queued like ensure). Cheap when there
   * are none (one read of the pack list); never rejects. The removed ones go into
   * `status.interrupted`, so the options page can tell the user.
   */
  recover(): Promise<StoreStatus> {
    const run = this.queue.then(() => this.runRecover()).then(() => this.status).finally(() => this.version++);
    this.queue = run;
    return run;
  }

  /** Resolves once the queued loads are done, whatever their outcome. */
  async ready(): Promise<FactmarkDB> {
    await this.queue;
    return this.db;
  }

  /**
   * A key that changes whenever the readable packs change (for dictionary caches). With
   * `withState: false`, only what the matcher's dictionary depends on: the enabled packs'
   * ids and hashes, not whether a pack has finished writing.
   */
  static packsKey(packs: ReadonlyArray<Pick<PackMeta, 'id' | 'hash' | 'enabled' | 'state'>>, { withState = true } = {}): string {
    return packs
      .filter((p) => p.enabled)
      // A pack still being written reads differently (only the matcher sees it) from the complete one.
      .map((p) => `${p.id}@${p.hash}${!withState || p.state === undefined ? '' : `~${p.state}`}`)
      .sort()
      .join('|');
  }

  private async runRecover(): Promise<void> {
    const log = this.options.log ?? console;
    try {
      const removed = await recoverPartialPacks(this.db, this.options.locks);
      if (removed.length === 0) return;
      for (const meta of removed) log.warn(`[factmark] The import of pack "${meta.id}" ${meta.version} was interrupted before it finished; what it had written was removed.`);
      this.status = { ...this.status, interrupted: [...(this.status.interrupted ?? []), ...removed.map(({ id, name, version }) => ({ id, name, version }))] };
    } catch (error) {
      log.warn(`[factmark] ${toStoreError(error, 'removing half-written packs').message}`);
    }
  }

  private async runEnsure(): Promise<StoreStatus> {
    const log = this.options.log ?? console;
    await this.runRecover();
    try {
      const result = await ensureBundledPack(this.db, this.bundled, this.options);
      // A later run that finds nothing to do must not hide what the first one did.
      const lastAction = result.action === 'unchanged' ? (this.status.lastAction ?? 'unchanged') : result.action;
      const interrupted = this.status.interrupted;
      this.status = { state: 'ready', lastAction, evictions: result.marker.evictions };
      if (interrupted) this.status.interrupted = interrupted;
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
