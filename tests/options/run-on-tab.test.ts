import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { siteOrigins, grantSite } from '../../lib/background/grant-site';
import { runOnTab, type RunOnTabDeps } from '../../lib/background/run-on-tab';
import { createBackgroundHandlers } from '../../lib/background/handlers';
import { StoreService } from '../../lib/background/store-service';
import { TabStates } from '../../lib/background/tab-state';
import { createHandler } from '../../lib/messaging';
import { defaultSettings, defineSettingsItem, type Settings } from '../../lib/settings';
import { makeSmallPack } from '../fixtures/small-pack';
import { senders } from '../messaging/senders';
import { freshStore } from '../store/helpers';

function deps(running: boolean, settings: Partial<Settings> = {}) {
  const calls: string[] = [];
  const d: RunOnTabDeps = {
    running: async () => running,
    inject: async (tabId) => void calls.push(`inject ${tabId}`),
    send: async (tabId, message) => (calls.push(`${message.type} ${tabId}`), { ok: true, data: { active: true } }),
    settings: async () => ({ ...defaultSettings(), ...settings }),
  };
  return { d, calls };
}

describe('runOnTab', () => {
  it('toggles a running content script and injects nothing', async () => {
    const { d, calls } = deps(true);
    expect(await runOnTab({ id: 3, url: 'https://dawn.com/a' }, d)).toEqual({ injected: false, active: true });
    expect(calls).toEqual(['togglePage 3']);
  });

  it('injects where none runs; in the all-sites mode it starts marking by itself', async () => {
    const { d, calls } = deps(false);
    expect(await runOnTab({ id: 3, url: 'https://dawn.com/a' }, d)).toEqual({ injected: true, active: true });
    expect(calls).toEqual(['inject 3']);
  });

  it('in opt-in mode on a site not turned on, injects and turns the page on', async () => {
    const { d, calls } = deps(false, { siteMode: 'opt-in' });
    expect(await runOnTab({ id: 3, url: 'https://dawn.com/a' }, d)).toEqual({ injected: true, active: true });
    expect(calls).toEqual(['inject 3', 'togglePage 3']);
  });

  it('in opt-in mode on a site turned on, only injects', async () => {
    const { d, calls } = deps(false, { siteMode: 'opt-in', sites: { 'dawn.com': 'on' } });
    await runOnTab({ id: 3, url: 'https://www.dawn.com/a' }, d);
    expect(calls).toEqual(['inject 3']);
  });
});

describe('grantSite', () => {
  it('asks for the site and its subdomains (an address alone), then turns the site on', async () => {
    expect(siteOrigins('Dawn.com')).toEqual(['*://dawn.com/*', '*://*.dawn.com/*']);
    expect(siteOrigins('127.0.0.1')).toEqual(['*://127.0.0.1/*']);
    const request = vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(true as never);
    const sent: unknown[] = [];
    fakeBrowser.runtime.onMessage.addListener(((message: { type: string }, _sender: unknown, reply: (r: unknown) => void) => {
      sent.push(message);
      reply(message.type === 'getSettings' ? { ok: true, data: defaultSettings() } : { ok: true, data: { ...defaultSettings(), sites: { 'dawn.com': 'on' } } });
      return true;
    }) as never);
    expect(await grantSite('dawn.com')).toMatchObject({ ok: true, settings: { sites: { 'dawn.com': 'on' } } });
    expect(request).toHaveBeenCalledWith({ origins: ['*://dawn.com/*', '*://*.dawn.com/*'] });
    expect(sent).toContainEqual({ type: 'updateSettings', patch: { sites: { 'dawn.com': 'on' } } });
  });

  it('changes nothing when the user says no', async () => {
    vi.spyOn(fakeBrowser.permissions, 'request').mockResolvedValue(false as never);
    const listener = vi.fn();
    fakeBrowser.runtime.onMessage.addListener(listener);
    expect(await grantSite('dawn.com')).toEqual({ ok: false, reason: 'refused' });
    expect(listener).not.toHaveBeenCalled();
  });
});

describe('the runOnTab and packsChanged messages', () => {
  it('come only from extension pages', async () => {
    const store = new StoreService(freshStore(), makeSmallPack(), { log: { info: () => {}, warn: () => {} }, requestPersistence: async () => undefined });
    await store.ensure();
    const runOnTabDep = vi.fn(async () => ({ injected: true, active: true }));
    const packsChanged = vi.fn();
    const handler = createHandler(
      createBackgroundHandlers({ store, tabs: new TabStates(), tabsRestored: Promise.resolve(), settings: defineSettingsItem(), setBadge: async () => {}, openSidePanel: async () => true, openSource: async () => null, runOnTab: runOnTabDep, packsChanged }),
      { log: { warn: () => {} } },
    );
    expect(await handler.handle({ type: 'runOnTab', tabId: 4 }, senders.contentScript())).toMatchObject({ ok: false, code: 'rejected' });
    expect(await handler.handle({ type: 'packsChanged' }, senders.contentScript())).toMatchObject({ ok: false, code: 'rejected' });
    expect(runOnTabDep).not.toHaveBeenCalled();
    expect(await handler.handle({ type: 'runOnTab', tabId: 4 }, senders.popup())).toEqual({ ok: true, data: { injected: true, active: true } });
    expect(runOnTabDep).toHaveBeenCalledWith(4);
    expect(await handler.handle({ type: 'packsChanged' }, senders.optionsInTab())).toMatchObject({ ok: true, data: { packs: [{ id: 'test-pack' }], store: { state: 'ready' } } });
    expect(packsChanged).toHaveBeenCalledTimes(1);
  });
});
