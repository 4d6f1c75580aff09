import { fakeBrowser } from 'wxt/testing/fake-browser';
import type { Sender } from '../../lib/messaging';

/** Senders as Chromium describes them to runtime.onMessage. */
export const senders = {
  popup: (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/popup.html'), origin: fakeBrowser.runtime.getURL('/').replace(/\/$/, '') }),
  optionsInTab: (): Sender => ({ id: fakeBrowser.runtime.id, url: fakeBrowser.runtime.getURL('/options.html'), tab: { id: 9, windowId: 1 } as Sender['tab'] }),
  contentScript: (tabId = 5, frameId = 0, url = 'https://www.dawn.com/news/1'): Sender => ({
    id: fakeBrowser.runtime.id,
    url,
    frameId,
    tab: { id: tabId, windowId: 1, url } as Sender['tab'],
  }),
  otherExtension: (): Sender => ({ id: 'someone-else', url: 'chrome-extension://someone-else/page.html' }),
  /** A page pretending to be ours by path, on its own origin. */
  spoofedPage: (): Sender => ({ id: fakeBrowser.runtime.id, url: 'https://evil.test/chrome-extension://test-extension-id/popup.html', tab: { id: 7, windowId: 1 } as Sender['tab'] }),
};
