/**
 * Everything the background does, wired in one place (entrypoints/background.ts only
 * calls this). Listeners are added synchronously: an MV3 service worker woken by an
 * event only delivers it to listeners registered in the first turn.
 */
import { browser } from 'wxt/browser';
import { storage } from 'wxt/utils/storage';
import { createHandler, type Handler } from '../messaging/create-handler';
import { sendToTab } from '../messaging/send-message';
import type { FactPack } from '../pack/types';
import type { Settings } from '../settings/settings';
import { loadSettings, settingsItem, watchSettings } from '../settings/settings-item';
import { createStore, type FactmarkDB } from '../store/db';
import { initBadge, setBadge } from './badge';
import { defaultCommandDeps, runCommand } from './commands';
import { createBackgroundHandlers } from './handlers';
import { openSource } from './open-source';
import { defaultRunOnTabDeps, runOnTab } from './run-on-tab';
import { openSidePanel } from './side-panel';
import { StoreService } from './store-service';
import { TAB_STATES_KEY, TabStates, type TabStateSnapshot } from './tab-state';

export interface Background {
  db: FactmarkDB;
  store: StoreService;
  tabs: TabStates;
  handler: Handler;
}

/** Tells every tab's content scripts; tabs without one (about:, the store) just fail. */
async function broadcastSettings(settings: Settings): Promise<void> {
  const tabs = await browser.tabs.query({});
  await Promise.all(tabs.map((tab) => (tab.id === undefined ? undefined : sendToTab(tab.id, { type: 'settingsChanged', settings }))));
}

export function startBackground(bundled: FactPack, db: FactmarkDB = createStore()): Background {
  const store = new StoreService(db, bundled);
  const tabs = new TabStates(storage.defineItem<TabStateSnapshot>(TAB_STATES_KEY));
  const tabsRestored = tabs.restore();
  const settings = settingsItem();
  const handler = createHandler(createBackgroundHandlers({ store, tabs, tabsRestored, settings, setBadge, openSidePanel, openSource }));

  browser.runtime.onMessage.addListener(handler.listener);
  browser.runtime.onInstalled.addListener(() => void store.ensure());
  browser.tabs.onUpdated.addListener((tabId, change) => {
    // A new document (or a reload) starts with no marks; its content script reports again.
    if (change.status === 'loading' && tabs.clear(tabId)) void setBadge(tabId, 0);
  });
  browser.tabs.onRemoved.addListener((tabId) => void tabs.clear(tabId));
  const runOnTabDeps = defaultRunOnTabDeps(() => loadSettings(settings));
  const commandDeps = defaultCommandDeps((target) => openSidePanel(target), (tab) => runOnTab(tab, runOnTabDeps));
  browser.commands?.onCommand.addListener((command, tab) => void runCommand(command, tab, commandDeps));
  watchSettings((next) => void broadcastSettings(next), settings);

  void initBadge();
  void store.ensure();
  return { db, store, tabs, handler };
}
