import { describe, expect, it, vi } from 'vitest';
import { createBackgroundHandlers } from '../../lib/background/handlers';
import { setBadge } from '../../lib/background/badge';
import { StoreService } from '../../lib/background/store-service';
import { TabStates } from '../../lib/background/tab-state';
import { createHandler } from '../../lib/messaging';
import { defineSettingsItem } from '../../lib/settings';
import { makeSmallPack } from '../fixtures/small-pack';
import { senders } from '../messaging/senders';
import { freshStore } from '../store/helpers';

async function setup() {
  const store = new StoreService(freshStore(), makeSmallPack(), { log: { info: vi.fn(), warn: vi.fn() }, requestPersistence: async () => undefined });
  await store.ensure();
  const focusMark = vi.fn(async (_tabId: number, entityId: string) => entityId === 'khalil-hashmi');
  const handler = createHandler(
    createBackgroundHandlers({ store, tabs: new TabStates(), tabsRestored: Promise.resolve(), settings: defineSettingsItem(), setBadge, openSidePanel: async () => true, openSource: async () => 1, focusMark }),
    { log: { warn: vi.fn() } },
  );
  return { handler, focusMark };
}

describe('the side panel’s messages', () => {
  it('getDealBundle answers with the deals of the entities and their organisations', async () => {
    const { handler } = await setup();
    const reply = await handler.handle({ type: 'getDealBundle', entityIds: ['ahmed-waqas'] }, senders.popup());
    expect(reply.ok && (reply.data as { deals: Array<{ id: string }> }).deals.map((d) => d.id)).toEqual(['deal-cancer-lab']);
    const all = await handler.handle({ type: 'getDealBundle' }, senders.popup());
    expect(all.ok && (all.data as { deals: unknown[] }).deals).toHaveLength(2);
  });

  it('focusMarkInTab relays to the tab, from an extension page (in a tab or not) only', async () => {
    const { handler, focusMark } = await setup();
    expect(await handler.handle({ type: 'focusMarkInTab', tabId: 4, entityId: 'khalil-hashmi' }, senders.popup())).toEqual({ ok: true, data: { found: true } });
    expect(await handler.handle({ type: 'focusMarkInTab', tabId: 4, entityId: 'nobody' }, senders.optionsInTab())).toEqual({ ok: true, data: { found: false } });
    expect(focusMark).toHaveBeenCalledWith(4, 'khalil-hashmi');
    expect(await handler.handle({ type: 'focusMarkInTab', tabId: 4, entityId: 'khalil-hashmi' }, senders.contentScript())).toMatchObject({ ok: false, code: 'rejected' });
    expect(focusMark).toHaveBeenCalledTimes(2);
  });

  it.each([
    [{ type: 'getDealBundle', entityIds: 'khalil-hashmi' }],
    [{ type: 'getDealBundle', entityIds: [''] }],
    [{ type: 'focusMarkInTab', tabId: -1, entityId: 'x' }],
    [{ type: 'focusMarkInTab', tabId: 1 }],
    [{ type: 'focusMarkInTab', tabId: 1, entityId: 'x', frameId: 2 }],
  ])('refuses a malformed %j', async (message) => {
    const { handler } = await setup();
    expect(await handler.handle(message, senders.popup())).toMatchObject({ ok: false, code: 'rejected' });
  });
});
