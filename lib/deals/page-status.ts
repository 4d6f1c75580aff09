/**
 * Why the panel shows what it shows for a tab: its deals, or the reason there are none.
 * Pure: the panel passes what it knows of the tab, its reported state and the settings.
 */
import { isActiveOn, type Settings } from '../settings';

export type PageStatus =
  /** No tab to follow (the window has none, or it closed). */
  | 'no-tab'
  /** The tab is loading a new document. */
  | 'loading'
  /** A page content scripts cannot run on (browser pages, other extensions, the store), or that has not reported. */
  | 'unreadable'
  /** Factmark is switched off everywhere. */
  | 'disabled'
  /** Switched off for this site (or the site mode is opt-in and the site is not on). */
  | 'site-off'
  /** The reader turned Factmark off on this page (shortcut or popup), until it reloads. */
  | 'paused'
  /** Read, and no known entity found. */
  | 'none'
  | 'ready';

export interface TabFacts {
  /** Undefined when the browser does not tell us (pages we have no host permission for). */
  url?: string;
  loading: boolean;
  /** What the content scripts reported (getTabState), null before any report. */
  entityIds: readonly string[] | null;
  /** Whether the page's content script is marking (the reader can flip it either way). */
  active?: boolean;
}

const READABLE = /^(https?|file):$/;

function hostOf(url: string | undefined): string | undefined {
  if (url === undefined) return undefined;
  try {
    const parsed = new URL(url);
    return READABLE.test(parsed.protocol) ? parsed.hostname : undefined;
  } catch {
    return undefined;
  }
}

export function pageStatus(tab: TabFacts | undefined, settings: Settings | undefined): PageStatus {
  if (!tab) return 'no-tab';
  const host = hostOf(tab.url);
  if (host === undefined) return tab.loading ? 'loading' : 'unreadable';
  if (settings && !settings.enabled) return 'disabled';
  // The page's own word first where it can only be fresh: names marked on a page the
  // settings leave off mean the reader turned it on (opt-in mode, the shortcut). An empty
  // report may predate a settings change, so then the settings decide.
  if (tab.active === true && tab.entityIds !== null && tab.entityIds.length > 0) return 'ready';
  if (tab.active === false && settings && isActiveOn(settings, host)) return 'paused';
  // file: pages have no host; the content script then never marks (isActiveOn('') is false).
  if (settings && !isActiveOn(settings, host)) return host === '' ? 'unreadable' : 'site-off';
  if (tab.entityIds === null) return tab.loading ? 'loading' : 'unreadable';
  return tab.entityIds.length === 0 ? 'none' : 'ready';
}
