/**
 * The page the popup speaks about: the active tab of the popup's window, or, with
 * `popup.html?tab=<id>`, that tab. Opened as a normal tab (tests, or a reader who keeps it
 * open), the popup would otherwise be its own active tab; see tabFromQuery.
 *
 * What Factmark marked there comes from the background (getTabState, filled by the
 * content scripts' reports), asked again every second while the popup is open so the
 * list follows a page that is still loading or changing.
 */
import { useEffect, useState } from 'preact/hooks';
import { browser } from 'wxt/browser';
import { sendMessage } from '../../lib/messaging/send-message';
import type { TabState } from '../../lib/messaging/protocol';
import type { EntitySummary } from '../../lib/store/views';
import { pageAccess, type PageAccess } from './page-access';

const POLL_MS = 1000;

/** `?tab=<id>` when it is a tab id. */
export function tabFromQuery(search: string): number | undefined {
  const raw = new URLSearchParams(search).get('tab');
  if (raw === null || !/^\d+$/.test(raw)) return undefined;
  const id = Number(raw);
  return Number.isSafeInteger(id) ? id : undefined;
}

export interface PageInfo {
  /** undefined while looking; null when there is no tab. */
  tabId: number | null | undefined;
  access: PageAccess | undefined;
  /** undefined until asked; null when no content script has reported for the tab. */
  state: TabState | null | undefined;
  entities: EntitySummary[];
}

async function findTab(pinned: number | undefined): Promise<{ id: number; url?: string } | null> {
  try {
    const tab = pinned !== undefined ? await browser.tabs.get(pinned) : (await browser.tabs.query({ active: true, currentWindow: true }))[0];
    return tab?.id === undefined ? null : { id: tab.id, ...(tab.url ? { url: tab.url } : {}) };
  } catch {
    return null;
  }
}

async function fileAccess(): Promise<boolean> {
  try {
    return (await browser.extension?.isAllowedFileSchemeAccess?.()) ?? false;
  } catch {
    return false;
  }
}

const sameIds = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((id, i) => id === b[i]);

export function usePage(pinned: number | undefined): PageInfo & { refresh(): void } {
  const [info, setInfo] = useState<PageInfo>({ tabId: undefined, access: undefined, state: undefined, entities: [] });
  const [tick, setTick] = useState(0);

  useEffect(() => {
    let live = true;
    void (async () => {
      const tab = await findTab(pinned);
      const access = pageAccess(tab?.url, tab?.url?.startsWith('file:') ? await fileAccess() : false);
      if (live) setInfo((i) => ({ ...i, tabId: tab?.id ?? null, access }));
    })();
    return () => {
      live = false;
    };
  }, [pinned]);

  useEffect(() => {
    const tabId = info.tabId;
    if (tabId === undefined || tabId === null) return;
    let live = true;
    let shown: string[] | undefined;
    const poll = async () => {
      const reply = await sendMessage({ type: 'getTabState', tabId });
      const state = reply.ok ? reply.data : null;
      const ids = state?.entityIds ?? [];
      let entities: EntitySummary[] | undefined;
      if (!shown || !sameIds(shown, ids)) {
        const named = ids.length === 0 ? undefined : await sendMessage({ type: 'getEntitySummaries', ids });
        entities = named?.ok ? named.data : [];
        shown = ids;
      }
      if (live) setInfo((i) => ({ ...i, state, ...(entities ? { entities } : {}) }));
    };
    void poll();
    const timer = setInterval(() => void poll(), POLL_MS);
    return () => {
      live = false;
      clearInterval(timer);
    };
  }, [info.tabId, tick]);

  return { ...info, refresh: () => setTick((n) => n + 1) };
}
