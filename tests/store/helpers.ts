import type { DBCore, DBCoreMutateRequest } from 'dexie';
import { afterEach } from 'vitest';
import { createStore, type FactmarkDB } from '../../lib/store';

const open: FactmarkDB[] = [];

/** A fresh, uniquely named database, deleted after the test. */
export function freshStore(): FactmarkDB {
  const db = createStore(`factmark-test-${crypto.randomUUID()}`);
  open.push(db);
  return db;
}

afterEach(async () => {
  await Promise.all(open.splice(0).map((db) => db.delete()));
});

/**
 * Makes writes fail like a full disk: after `allowed` put/add requests on `table`, every
 * further one rejects with the DOMException IndexedDB raises. Installed as Dexie DBCore
 * middleware, i.e. below Dexie's own error handling, where the real error would arise.
 */
export function failWritesWithQuota(db: FactmarkDB, table: string, allowed = 0): { armed: boolean } {
  const state = { armed: true };
  let seen = 0;
  db.use({
    stack: 'dbcore',
    name: 'fake-quota',
    create: (down: DBCore): DBCore => ({
      ...down,
      table: (name) => {
        const inner = down.table(name);
        return {
          ...inner,
          mutate: (req: DBCoreMutateRequest) => {
            if (state.armed && name === table && (req.type === 'put' || req.type === 'add') && seen++ >= allowed) {
              return Promise.reject(new DOMException('The quota has been exceeded.', 'QuotaExceededError'));
            }
            return inner.mutate(req);
          },
        };
      },
    }),
  });
  return state;
}
