/**
 * Keyboard commands (manifest `commands`): page commands go to the active tab's content
 * script; 'open-side-panel' opens the panel here, synchronously, while the key press
 * still counts as a user gesture.
 */
import { browser, type Browser } from 'wxt/browser';
import type { ContentMessage } from '../messaging/protocol';
import { sendToTab } from '../messaging/send-message';

type Tab = Partial<Pick<Browser.tabs.Tab, 'id' | 'windowId' | 'url'>>;

export interface CommandDeps {
  openSidePanel(target: { tabId?: number; windowId?: number }): Promise<boolean>;
  send(tabId: number, message: ContentMessage, options?: { frameId?: number }): Promise<unknown>;
  activeTab(): Promise<Tab | undefined>;
  /**
   * 'toggle-page' through runOnTab (run-on-tab.ts), which also injects the content script
   * where the browser did not start it: the command's activeTab grant allows that.
   */
  runOnTab?(tab: { id: number; url?: string }): Promise<unknown>;
}

export const defaultCommandDeps = (openSidePanel: CommandDeps['openSidePanel'], runOnTab?: CommandDeps['runOnTab']): CommandDeps => ({
  openSidePanel,
  send: (tabId, message, options) => sendToTab(tabId, message, options),
  activeTab: async () => (await browser.tabs.query({ active: true, currentWindow: true }))[0],
  ...(runOnTab ? { runOnTab } : {}),
});

/** What a page command sends, and to which frames (mark navigation is the top frame's job). */
const PAGE_COMMANDS: Record<string, { message: ContentMessage; frameId?: number }> = {
  'toggle-page': { message: { type: 'togglePage' } },
  'next-mark': { message: { type: 'stepMark', direction: 'next' }, frameId: 0 },
  'previous-mark': { message: { type: 'stepMark', direction: 'previous' }, frameId: 0 },
};

export function runCommand(command: string, tab: Tab | undefined, deps: CommandDeps): Promise<unknown> {
  if (command === 'open-side-panel') {
    const target: { tabId?: number; windowId?: number } = {};
    if (tab?.id !== undefined) target.tabId = tab.id;
    if (tab?.windowId !== undefined) target.windowId = tab.windowId;
    return deps.openSidePanel(target);
  }
  const page = PAGE_COMMANDS[command];
  if (!page) return Promise.resolve(undefined);
  return (async () => {
    const target = tab?.id !== undefined ? tab : await deps.activeTab();
    if (target?.id === undefined) return undefined;
    if (command === 'toggle-page' && deps.runOnTab) return deps.runOnTab(target.url === undefined ? { id: target.id } : { id: target.id, url: target.url });
    return deps.send(target.id, page.message, page.frameId === undefined ? undefined : { frameId: page.frameId });
  })();
}
