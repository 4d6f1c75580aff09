/**
 * Opening the related-deals panel: chrome.sidePanel on Chromium, sidebarAction on Firefox.
 * Both only open during a user gesture, so call this synchronously from the click,
 * command or message listener, before any await. Usable from extension pages as well.
 * The toolbar button keeps opening the popup: sidePanel.setPanelBehavior is not set.
 */
import { browser } from 'wxt/browser';

interface SidePanelApi {
  open(options: { tabId?: number; windowId?: number }): Promise<void>;
}
interface SidebarActionApi {
  open(): Promise<void>;
}

// chrome.windows.WINDOW_ID_CURRENT
const CURRENT_WINDOW = -2;

export function openSidePanel(target: { tabId?: number; windowId?: number } = {}, log: Pick<Console, 'warn'> = console): Promise<boolean> {
  const apis = browser as unknown as { sidePanel?: SidePanelApi; sidebarAction?: SidebarActionApi };
  // Firefox refuses sidebarAction.open() once a message hop has spent the user's gesture,
  // and Chromium may too: the same panel then opens in a tab, pinned to the reader's tab.
  const failed = async (error: unknown) => {
    log.warn('[factmark] Could not open the side panel, opening it in a tab:', error);
    try {
      const query = target.tabId !== undefined ? `?tab=${target.tabId}` : '';
      await browser.tabs.create({ url: browser.runtime.getURL(`/sidepanel.html${query}` as '/sidepanel.html') });
      return true;
    } catch {
      return false;
    }
  };
  try {
    if (apis.sidePanel?.open) {
      const where = target.tabId !== undefined ? { tabId: target.tabId } : { windowId: target.windowId ?? CURRENT_WINDOW };
      return apis.sidePanel.open(where).then(() => true, failed);
    }
    if (apis.sidebarAction?.open) return apis.sidebarAction.open().then(() => true, failed);
  } catch (error) {
    return failed(error);
  }
  return Promise.resolve(false);
}
