import { describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import {
  createContentHandler,
  createHandler,
  isExtensionPage,
  sendMessage,
  unwrap,
  type BackgroundHandlers,
  type BackgroundMessage,
  type ContentHandlers,
} from '../../lib/messaging';
import { defaultSettings } from '../../lib/settings';
import { StoreError } from '../../lib/store';
import { senders } from './senders';

function stubHandlers(): BackgroundHandlers {
  const settings = defaultSettings();
  return {
    getStatus: () => ({ packs: [], store: { state: 'ready', evictions: 0 } }),
    getDictionary: () => ({ entries: [], key: '' }),
    getEntityCard: () => null,
    getDeals: () => [],
    getAllDeals: () => [],
    getDealBundle: () => ({ deals: [], facts: [], sources: [], entities: [] }),
    getSource: () => null,
    getSettings: () => settings,
    updateSettings: () => settings,
    muteEntity: () => settings,
    addCorrection: () => settings,
    reportPageState: (_, context) => ({ tabId: context.tabId ?? -1, entityIds: [], count: 0 }),
    getTabState: () => null,
    openSidePanel: () => ({ opened: true }),
    openSource: () => ({ tabId: 2 }),
    focusMarkInTab: () => ({ found: true }),
    setPackEnabled: () => [],
    removePack: () => ({ removed: true }),
    packsChanged: () => ({ packs: [], store: { state: 'ready', evictions: 0 } }),
    prepareMatcher: () => ({ prepared: true }),
    runOnTab: () => ({ injected: false, active: true }),
    search: ({ query }) => ({ query, terms: [], typoTerms: [], total: 0, groups: [] }),
    getEntitySummaries: () => [],
    matchBlocks: () => [],
  };
}

function setup(handlers: Partial<BackgroundHandlers> = {}) {
  const log = { warn: vi.fn() };
  const handler = createHandler({ ...stubHandlers(), ...handlers }, { log });
  return { handler, log };
}

const VALID: BackgroundMessage[] = [
  { type: 'getStatus' },
  { type: 'getDictionary' },
  { type: 'getEntityCard', id: 'khalil-hashmi' },
  { type: 'getDeals', entityIds: ['a', 'b'] },
  { type: 'getAllDeals' },
  { type: 'getDealBundle' },
  { type: 'getDealBundle', entityIds: ['a'] },
  { type: 'getSource', id: 'src-envoy' },
  { type: 'getSource', id: 'src-envoy', packId: 'test-pack' },
  { type: 'getSettings' },
  { type: 'updateSettings', patch: { theme: 'dark' } },
  { type: 'muteEntity', id: 'x' },
  { type: 'muteEntity', id: 'x', muted: false },
  { type: 'addCorrection', entityId: 'x', site: 'dawn.com' },
  { type: 'getTabState', tabId: 3 },
  { type: 'openSidePanel' },
  { type: 'openSidePanel', tabId: 3 },
  { type: 'openSource', sourceId: 's', quote: 'a quote' },
  { type: 'focusMarkInTab', tabId: 3, entityId: 'x' },
  { type: 'setPackEnabled', packId: 'p', enabled: false },
  { type: 'removePack', packId: 'p' },
];

describe('createHandler: valid messages', () => {
  it.each(VALID.map((m) => [m.type, m] as const))('%s from an extension page is answered', async (_, message) => {
    const reply = await setup().handler.handle(message, senders.popup());
    expect(reply.ok).toBe(true);
  });

  it('reportPageState from a content script is answered with its tab', async () => {
    const reply = await setup().handler.handle({ type: 'reportPageState', entityIds: ['a'], count: 2 }, senders.contentScript(5));
    expect(reply).toEqual({ ok: true, data: { tabId: 5, entityIds: [], count: 0 } });
  });

  it('a handler that returns undefined replies null (structured clone keeps the shape)', async () => {
    const { handler } = setup({ getEntityCard: () => undefined as unknown as null });
    expect(await handler.handle({ type: 'getEntityCard', id: 'x' }, senders.popup())).toEqual({ ok: true, data: null });
  });
});

describe('createHandler: rejected messages', () => {
  it.each([
    ['not an object', 'getStatus', 'message is not an object'],
    ['null', null, 'message is not an object'],
    ['an array', [{ type: 'getStatus' }], 'message is not an object'],
    ['no type', { id: 'x' }, 'message has no type'],
    ['a non-string type', { type: 4 }, 'message has no type'],
    ['an unknown type', { type: 'dropTables' }, 'unknown message type "dropTables"'],
    ['an inherited name', { type: 'toString' }, 'unknown message type "toString"'],
    ['a missing field', { type: 'getEntityCard' }, 'invalid or missing field "id"'],
    ['an empty id', { type: 'getEntityCard', id: '' }, 'invalid or missing field "id"'],
    ['a too long id', { type: 'getEntityCard', id: 'x'.repeat(201) }, 'invalid or missing field "id"'],
    ['a wrong field type', { type: 'getDeals', entityIds: 'a' }, 'invalid or missing field "entityIds"'],
    ['a wrong item type', { type: 'getDeals', entityIds: ['a', 3] }, 'invalid or missing field "entityIds"'],
    ['an extra field', { type: 'getStatus', sql: 'DROP' }, 'unexpected field "sql"'],
    ['a bad settings patch', { type: 'updateSettings', patch: { theme: 'neon' } }, 'invalid value for setting "theme"'],
    ['an unknown setting', { type: 'updateSettings', patch: { admin: true } }, 'unknown setting "admin"'],
    ['a negative tab id', { type: 'getTabState', tabId: -1 }, 'invalid or missing field "tabId"'],
    ['a fractional count', { type: 'reportPageState', entityIds: [], count: 1.5 }, 'invalid or missing field "count"'],
  ])('%s', async (_, message, reason) => {
    const { handler, log } = setup();
    const reply = await handler.handle(message, senders.popup());
    expect(reply).toEqual({ ok: false, error: reason, code: 'rejected' });
    expect(log.warn).toHaveBeenCalledWith(expect.stringContaining(reason));
  });

  it('rejects everything from another extension', async () => {
    const reply = await setup().handler.handle({ type: 'getStatus' }, senders.otherExtension());
    expect(reply).toMatchObject({ ok: false, error: 'sender is not this extension' });
  });
});

describe('createHandler: who may send what', () => {
  const privileged: BackgroundMessage[] = [
    { type: 'updateSettings', patch: { enabled: false } },
    { type: 'setPackEnabled', packId: 'p', enabled: false },
    { type: 'removePack', packId: 'p' },
    { type: 'focusMarkInTab', tabId: 3, entityId: 'x' },
  ];

  it.each(privileged.map((m) => [m.type, m] as const))('%s is refused from a content script and from a spoofed page', async (_, message) => {
    const updateSettings = vi.fn();
    const { handler } = setup({ updateSettings, setPackEnabled: updateSettings, removePack: updateSettings, focusMarkInTab: updateSettings });
    for (const sender of [senders.contentScript(), senders.spoofedPage()]) {
      expect(await handler.handle(message, sender)).toEqual({ ok: false, error: 'only extension pages may send this message', code: 'rejected' });
    }
    expect(updateSettings).not.toHaveBeenCalled();
  });

  it.each(privileged.map((m) => [m.type, m] as const))('%s is accepted from an extension page, in a tab or not', async (_, message) => {
    const { handler } = setup();
    expect((await handler.handle(message, senders.popup())).ok).toBe(true);
    expect((await handler.handle(message, senders.optionsInTab())).ok).toBe(true);
  });

  it.each([
    { type: 'muteEntity', id: 'x' },
    { type: 'addCorrection', entityId: 'x', site: 'dawn.com' },
    { type: 'getEntityCard', id: 'x' },
    { type: 'openSource', sourceId: 's' },
  ] as BackgroundMessage[])('$type is allowed from a content script (our own card’s user actions and reads)', async (message) => {
    expect((await setup().handler.handle(message, senders.contentScript())).ok).toBe(true);
  });

  it('reportPageState is refused from extension pages and tab-less senders', async () => {
    const { handler } = setup();
    const message = { type: 'reportPageState', entityIds: [], count: 0 };
    expect(await handler.handle(message, senders.popup())).toMatchObject({ ok: false, error: 'only content scripts may send this message' });
    expect(await handler.handle(message, senders.optionsInTab())).toMatchObject({ ok: false, error: 'only content scripts may send this message' });
    expect(await handler.handle(message, { id: fakeBrowser.runtime.id })).toMatchObject({ ok: false });
  });

  it('isExtensionPage compares the sender URL with our own origin', () => {
    expect(isExtensionPage(senders.popup())).toBe(true);
    expect(isExtensionPage(senders.contentScript())).toBe(false);
    expect(isExtensionPage(senders.spoofedPage())).toBe(false);
    expect(isExtensionPage(senders.otherExtension())).toBe(false);
    expect(isExtensionPage({})).toBe(false);
  });

  it('takes a custom isPrivileged', async () => {
    const handler = createHandler(stubHandlers(), { isPrivileged: () => true, log: { warn: vi.fn() } });
    expect((await handler.handle({ type: 'updateSettings', patch: {} }, senders.contentScript())).ok).toBe(true);
  });
});

describe('createHandler: handler failures', () => {
  it('a thrown error becomes a failed reply', async () => {
    const { handler } = setup({ getAllDeals: () => { throw new Error('boom'); } });
    expect(await handler.handle({ type: 'getAllDeals' }, senders.popup())).toEqual({ ok: false, error: 'boom' });
  });

  it('a rejected promise with a StoreError keeps its code', async () => {
    const { handler } = setup({ getAllDeals: () => Promise.reject(new StoreError('quota', 'disk full')) });
    expect(await handler.handle({ type: 'getAllDeals' }, senders.popup())).toEqual({ ok: false, error: 'disk full', code: 'quota' });
  });

  it('runs the handler synchronously, so a user gesture is still live', () => {
    const openSidePanel = vi.fn(() => ({ opened: true }));
    const { handler } = setup({ openSidePanel });
    void handler.handle({ type: 'openSidePanel' }, senders.contentScript());
    expect(openSidePanel).toHaveBeenCalledTimes(1);
  });
});

describe('the listener with browser.runtime', () => {
  it('answers through sendResponse + return true (fakeBrowser) and sendMessage types the reply', async () => {
    const { handler } = setup();
    fakeBrowser.runtime.onMessage.addListener(handler.listener);
    const reply = await sendMessage({ type: 'getSettings' });
    expect(reply.ok && reply.data.hoverDelayMs).toBe(350);
    expect(unwrap(await sendMessage({ type: 'getDeals', entityIds: [] }))).toEqual([]);
  });

  it('the listener returns true and calls sendResponse once', async () => {
    const { handler } = setup();
    const sendResponse = vi.fn();
    expect(handler.listener({ type: 'getStatus' }, senders.popup(), sendResponse)).toBe(true);
    await vi.waitFor(() => expect(sendResponse).toHaveBeenCalledTimes(1));
    expect(sendResponse.mock.calls[0]?.[0]).toMatchObject({ ok: true });
  });

  it('sendMessage reports a missing receiver as a failed reply', async () => {
    expect(await sendMessage({ type: 'getStatus' })).toMatchObject({ ok: false, code: 'no-receiver' });
  });

  it('unwrap throws the reply’s error', () => {
    expect(() => unwrap({ ok: false, error: 'nope', code: 'rejected' })).toThrow('nope');
  });
});

describe('createContentHandler', () => {
  const handlers: ContentHandlers = {
    settingsChanged: () => null,
    focusMark: () => ({ found: true }),
    togglePage: () => ({ active: false }),
    stepMark: () => ({ found: false }),
    ping: () => ({ running: true }),
    packsChanged: () => null,
  };
  const background = { id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/background.js') };

  it.each([
    { type: 'settingsChanged', settings: defaultSettings() },
    { type: 'focusMark', entityId: 'x' },
    { type: 'togglePage' },
    { type: 'stepMark', direction: 'next' },
  ])('answers $type from the background', async (message) => {
    expect((await createContentHandler(handlers).handle(message, background)).ok).toBe(true);
  });

  it.each([
    [{ type: 'stepMark', direction: 'sideways' }, 'invalid or missing field "direction"'],
    [{ type: 'settingsChanged', settings: { enabled: true } }, 'invalid or missing field "settings"'],
    [{ type: 'getStatus' }, 'unknown message type "getStatus"'],
  ])('rejects %j', async (message, reason) => {
    expect(await createContentHandler(handlers, { log: { warn: vi.fn() } }).handle(message, background)).toMatchObject({ ok: false, error: reason });
  });

  it('refuses messages from another content script or extension', async () => {
    const handler = createContentHandler(handlers, { log: { warn: vi.fn() } });
    expect((await handler.handle({ type: 'togglePage' }, senders.contentScript())).ok).toBe(false);
    expect((await handler.handle({ type: 'togglePage' }, senders.otherExtension())).ok).toBe(false);
  });
});
