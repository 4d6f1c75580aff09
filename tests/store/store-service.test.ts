import { describe, expect, it, vi } from 'vitest';
import { StoreService } from '../../lib/background/store-service';
import { defineSettingsItem, loadSettings, updateSettings, withCorrection, withMuted } from '../../lib/settings';
import { entityCard } from '../../lib/store';
import { makeSmallPack, makeSmallPackV2 } from '../fixtures/small-pack';
import { failWritesWithQuota, freshStore } from './helpers';

const quiet = () => ({ log: { info: vi.fn(), warn: vi.fn() }, requestPersistence: async () => undefined });

describe('StoreService', () => {
  it('queues concurrent ensures (install + start-up): one load, then unchanged', async () => {
    const db = freshStore();
    const service = new StoreService(db, makeSmallPack(), quiet());
    const put = vi.spyOn(db.entities, 'bulkPut');
    const [first, second] = await Promise.all([service.ensure(), service.ensure()]);
    expect(first.lastAction).toBe('installed');
    // The second run found nothing to do and keeps reporting what the first did.
    expect(second.lastAction).toBe('installed');
    expect(put).toHaveBeenCalledTimes(1);
    expect(service.status).toMatchObject({ state: 'ready', evictions: 0 });
  });

  it('a bundled update leaves the user’s mutes and corrections alone', async () => {
    const db = freshStore();
    const settings = defineSettingsItem();
    await new StoreService(db, makeSmallPack(), quiet()).ensure();
    await updateSettings((s) => withCorrection(withMuted(s, 'khalil-hashmi', true), { entityId: 'wei-yujun', site: 'dawn.com' }), settings);
    const before = await loadSettings(settings);

    const status = await new StoreService(db, makeSmallPackV2(), quiet()).ensure();

    expect(status.lastAction).toBe('updated');
    expect(await loadSettings(settings)).toEqual(before);
  });

  it('reports a quota failure in its status and keeps answering with the pack it had', async () => {
    const db = freshStore();
    const quota = failWritesWithQuota(db, 'entities');
    quota.armed = false;
    await new StoreService(db, makeSmallPack(), quiet()).ensure();
    quota.armed = true;

    const options = quiet();
    const service = new StoreService(db, makeSmallPackV2(), options);
    const status = await service.ensure();

    expect(status).toMatchObject({ state: 'error', error: { code: 'quota' } });
    expect(options.log.warn).toHaveBeenCalledWith(expect.stringMatching(/storage space/));
    quota.armed = false;
    expect((await entityCard(await service.ready(), 'khalil-hashmi'))?.entity.description).toBe('Pakistan’s Ambassador to China.');
  });

  it('packsKey changes with the enabled packs and their hashes', () => {
    const meta = (id: string, hash: string, enabled = true) => ({ id, hash, enabled, name: id, version: '1', kind: 'imported' as const, installedAt: 0, counts: { sources: 0, entities: 0, roles: 0, facts: 0, deals: 0 } });
    expect(StoreService.packsKey([meta('b', 'h2'), meta('a', 'h1')])).toBe('a@h1|b@h2');
    expect(StoreService.packsKey([meta('b', 'h2', false), meta('a', 'h1')])).toBe('a@h1');
  });
});
