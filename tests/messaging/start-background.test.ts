import { afterEach, describe, expect, it, vi } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { storage } from 'wxt/utils/storage';
import { runCommand, type CommandDeps } from '../../lib/background/commands';
import { startBackground } from '../../lib/background/start-background';
import { TabStates, type TabStateSnapshot } from '../../lib/background/tab-state';
import { sendMessage } from '../../lib/messaging';
import { settingsItem, updateSettings } from '../../lib/settings';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';
import { senders } from './senders';

type CommandListener = (command: string, tab?: { id?: number; windowId?: number }) => void;

function start() {
  // fakeBrowser does not implement commands; capture the listener instead.
  let onCommand: CommandListener | undefined;
  vi.spyOn(fakeBrowser.commands.onCommand, 'addListener').mockImplementation((listener) => {
    onCommand = listener as CommandListener;
  });
  const tabsSendMessage = vi.spyOn(fakeBrowser.tabs, 'sendMessage').mockResolvedValue({ ok: true, data: null } as never);
  vi.spyOn(console, 'info').mockImplementation(() => undefined);
  const background = startBackground(makeSmallPack(), freshStore());
  return { background, tabsSendMessage, command: (name: string, tab?: { id?: number; windowId?: number }) => onCommand?.(name, tab) };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe('startBackground', () => {
  it('loads the bundled pack at start and answers messages through browser.runtime', async () => {
    const { background } = start();
    await background.store.ready();
    const reply = await sendMessage({ type: 'getStatus' });
    expect(reply).toMatchObject({ ok: true, data: { packs: [{ id: 'test-pack' }], store: { state: 'ready' } } });
  });

  it('clears a tab’s marks and badge when it starts loading a new page, and forgets closed tabs', async () => {
    const { background } = start();
    await background.store.ready();
    await background.handler.handle({ type: 'reportPageState', entityIds: ['a', 'b'], count: 2 }, senders.contentScript(5));
    expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe('2');

    await fakeBrowser.tabs.onUpdated.trigger(5, { status: 'loading' }, { id: 5 } as never);
    expect(background.tabs.get(5)).toBeNull();
    await vi.waitFor(async () => expect(await fakeBrowser.action.getBadgeText({ tabId: 5 })).toBe(''));

    await background.handler.handle({ type: 'reportPageState', entityIds: ['a'], count: 1 }, senders.contentScript(6));
    await fakeBrowser.tabs.onRemoved.trigger(6, { windowId: 1, isWindowClosing: false });
    expect(background.tabs.get(6)).toBeNull();
  });

  it('forwards page commands to the active tab’s content script', async () => {
    const { command, tabsSendMessage, background } = start();
    await background.store.ready();
    command('next-mark', { id: 5 });
    command('toggle-page', { id: 5 });
    // toggle-page asks first whether a content script runs there (run-on-tab.ts).
    await vi.waitFor(() => expect(tabsSendMessage).toHaveBeenCalledTimes(3));
    expect(tabsSendMessage).toHaveBeenCalledWith(5, { type: 'stepMark', direction: 'next' }, { frameId: 0 });
    expect(tabsSendMessage).toHaveBeenCalledWith(5, { type: 'ping' }, { frameId: 0 });
    expect(tabsSendMessage).toHaveBeenCalledWith(5, { type: 'togglePage' });
  });

  it('tells content scripts when the settings change', async () => {
    const { tabsSendMessage, background } = start();
    await background.store.ready();
    await updateSettings((s) => ({ ...s, markStyle: 'bold' }), settingsItem());
    await vi.waitFor(() => expect(tabsSendMessage).toHaveBeenCalledWith(expect.any(Number), { type: 'settingsChanged', settings: expect.objectContaining({ markStyle: 'bold' }) }));
  });
});

describe('runCommand', () => {
  const deps = (): CommandDeps & { [K in keyof CommandDeps]: ReturnType<typeof vi.fn> } => ({
    openSidePanel: vi.fn(async () => true),
    send: vi.fn(async () => undefined),
    activeTab: vi.fn(async () => ({ id: 11, windowId: 2 })),
  });

  it('opens the side panel synchronously for open-side-panel', () => {
    const d = deps();
    void runCommand('open-side-panel', { id: 3, windowId: 1 }, d);
    expect(d.openSidePanel).toHaveBeenCalledWith({ tabId: 3, windowId: 1 });
  });

  it('falls back to the active tab and ignores unknown commands', async () => {
    const d = deps();
    await runCommand('previous-mark', undefined, d);
    expect(d.send).toHaveBeenCalledWith(11, { type: 'stepMark', direction: 'previous' }, { frameId: 0 });
    await runCommand('self-destruct', { id: 3 }, d);
    expect(d.send).toHaveBeenCalledTimes(1);
  });
});

describe('TabStates persistence', () => {
  it('a restarted service worker gets back what the last one knew', async () => {
    const item = storage.defineItem<TabStateSnapshot>('session:tabStates');
    const before = new TabStates(item);
    before.report(5, 0, ['a'], 1);
    before.report(5, 2, ['b'], 4);
    await vi.waitFor(async () => expect(await item.getValue()).not.toBeNull());

    const after = new TabStates(item);
    await after.restore();
    expect(after.get(5)).toEqual({ tabId: 5, entityIds: ['a', 'b'], count: 5 });
  });
});
