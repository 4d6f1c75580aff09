import { describe, expect, it } from 'vitest';
import { fakeBrowser } from 'wxt/testing/fake-browser';
import { openSidePanel } from '../../lib/background/side-panel';

const quiet = { warn() {} };

describe('openSidePanel', () => {
  it('uses chrome.sidePanel for the tab when it can', async () => {
    const calls: unknown[] = [];
    Object.assign(fakeBrowser, { sidePanel: { open: async (o: unknown) => void calls.push(o) } });
    expect(await openSidePanel({ tabId: 7 }, quiet)).toBe(true);
    expect(calls).toEqual([{ tabId: 7 }]);
    expect((await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('sidepanel'))).toEqual([]);
    delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  });

  it('opens the panel in a tab, pinned to the reader’s tab, when the browser refuses', async () => {
    Object.assign(fakeBrowser, { sidePanel: { open: async () => Promise.reject(new Error('may only be called in response to a user gesture')) } });
    expect(await openSidePanel({ tabId: 7 }, quiet)).toBe(true);
    const tabs = (await fakeBrowser.tabs.query({})).filter((t) => t.url?.includes('sidepanel'));
    expect(tabs.map((t) => t.url)).toEqual([fakeBrowser.runtime.getURL('/sidepanel.html?tab=7' as '/sidepanel.html')]);
    delete (fakeBrowser as { sidePanel?: unknown }).sidePanel;
  });
});
