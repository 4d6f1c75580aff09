/**
 * Which tab the panel speaks about. Normally the active tab of the panel's own window
 * (each window has its own side panel / sidebar), followed as the reader switches tabs or
 * windows and as the tab navigates.
 *
 * Opened as a tab, the panel would be its own active tab, so two query parameters point
 * it elsewhere (tests use both; a reader may too, to keep the panel in a window of its own):
 * - `sidepanel.html?tab=<id>` pins it to that tab;
 * - `sidepanel.html?window=<id>` follows the active tab of that window.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser, type Browser } from 'wxt/browser';

export type Tab = Browser.tabs.Tab;

export interface FollowTarget {
  /** Pinned to this tab. */
  tabId?: number;
  /** The active tab of this window (default: the panel's own window). */
  windowId?: number;
}

function idParam(params: URLSearchParams, name: string): number | undefined {
  const raw = params.get(name);
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

/** `?tab=<id>` and `?window=<id>`, where they are ids. */
export function followTargetFrom(search: string): FollowTarget {
  const params = new URLSearchParams(search);
  const tabId = idParam(params, 'tab');
  const windowId = idParam(params, 'window');
  return { ...(tabId === undefined ? {} : { tabId }), ...(windowId === undefined ? {} : { windowId }) };
}

async function findTab(pinned: number | undefined, windowId: number | undefined): Promise<Tab | null> {
  try {
    if (pinned !== undefined) return await browser.tabs.get(pinned);
    const [active] = await browser.tabs.query(windowId === undefined ? { active: true, currentWindow: true } : { active: true, windowId });
    return active ?? null;
  } catch {
    // The pinned tab is gone.
    return null;
  }
}

/** The followed tab: undefined while looking, null when there is none. Updates on every change of it. */
export function useFollowedTab(target: FollowTarget = {}): Tab | null | undefined {
  const pinned = target.tabId;
  const followed = target.windowId;
  const [tab, setTab] = useState<Tab | null | undefined>(undefined);

  useEffect(() => {
    let windowId: number | undefined;
    let current: number | undefined;
    let latest = 0;
    const refresh = async () => {
      const ask = ++latest;
      const found = await findTab(pinned, windowId);
      if (ask !== latest) return;
      current = found?.id;
      setTab(found);
    };
    const onActivated = (info: { tabId: number; windowId: number }) => {
      if (pinned === undefined && (windowId === undefined || info.windowId === windowId)) void refresh();
    };
    const onUpdated = (tabId: number, _change: unknown, updated: Tab) => {
      if (tabId === current || (pinned === undefined && updated.active && updated.windowId === windowId)) void refresh();
    };
    const onRemoved = (tabId: number) => {
      if (tabId === current) void refresh();
    };
    // Catches anything missed while the panel's window was in the background.
    const onFocusChanged = () => {
      if (pinned === undefined) void refresh();
    };
    browser.tabs.onActivated.addListener(onActivated);
    browser.tabs.onUpdated.addListener(onUpdated);
    browser.tabs.onRemoved.addListener(onRemoved);
    browser.windows?.onFocusChanged.addListener(onFocusChanged);
    void (async () => {
      try {
        windowId = followed ?? (await browser.windows.getCurrent()).id;
      } catch {
        // No windows API (should not happen in a panel): follow the "current" window.
      }
      await refresh();
    })();
    return () => {
      browser.tabs.onActivated.removeListener(onActivated);
      browser.tabs.onUpdated.removeListener(onUpdated);
      browser.tabs.onRemoved.removeListener(onRemoved);
      browser.windows?.onFocusChanged.removeListener(onFocusChanged);
    };
  }, [pinned, followed]);

  return tab;
}
