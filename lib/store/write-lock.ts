/**
 * Who is writing a pack right now. A pack in state 'writing' whose writer is gone (the
 * options page closed, the browser crashed) must be cleaned up, and one whose writer is
 * alive must be left alone: the writer holds a Web Lock for the whole write
 * (https://developer.mozilla.org/docs/Web/API/Web_Locks_API), which the browser releases
 * when the page or worker holding it ends, in whatever way. Locks are shared by every
 * context of the extension's origin (pages and the service worker alike).
 */

export interface WriteLocks {
  /** Runs `work` holding `name`, or returns `{ held: false }` at once when another holder has it. */
  tryHold<T>(name: string, work: () => Promise<T>): Promise<{ held: true; value: T } | { held: false }>;
}

interface LockManagerLike {
  request<T>(name: string, options: { ifAvailable: boolean }, callback: (lock: unknown) => Promise<T>): Promise<T>;
}

/** For contexts without navigator.locks (Node in tests): locks held in this JS realm only. */
export function memoryLocks(): WriteLocks {
  const held = new Set<string>();
  return {
    async tryHold(name, work) {
      if (held.has(name)) return { held: false };
      held.add(name);
      try {
        return { held: true, value: await work() };
      } finally {
        held.delete(name);
      }
    },
  };
}

export function webLocks(manager: LockManagerLike): WriteLocks {
  return {
    tryHold: (name, work) => manager.request(name, { ifAvailable: true }, async (lock) => (lock === null ? { held: false as const } : { held: true as const, value: await work() })),
  };
}

let defaultLocks: WriteLocks | undefined;
export function defaultWriteLocks(): WriteLocks {
  const manager = (globalThis.navigator as { locks?: LockManagerLike } | undefined)?.locks;
  defaultLocks ??= manager ? webLocks(manager) : memoryLocks();
  return defaultLocks;
}

/** The lock an install of `packId` into the database `dbName` holds. */
export function packWriteLock(dbName: string, packId: string): string {
  return `factmark:pack-write:${dbName}:${packId}`;
}
