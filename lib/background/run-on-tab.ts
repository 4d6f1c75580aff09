/**
 * Running Factmark on a tab where the browser did not start it: a page opened before the
 * extension was installed, or a site the user has not given Factmark (Chrome's site
 * access "On click", or the opt-in mode with only the activeTab permission). A toolbar
 * click or a keyboard command grants activeTab for the tab, which lets the background
 * inject the content script there (scripting.executeScript) until the tab navigates.
 *
 * Only the top frame is injected: activeTab covers the tab's own origin, not its
 * cross-origin frames.
 */
import { browser } from 'wxt/browser';
import type { ContentMessage } from '../messaging/protocol';
import { sendToTab } from '../messaging/send-message';
import type { Settings } from '../settings/settings';
import { isActiveOn } from '../settings/site-rules';

/** The content script as WXT builds it (entrypoints/content.ts). */
export const CONTENT_SCRIPT_FILE = '/content-scripts/content.js' as const;

export interface RunOnTabResult {
  /** The content script was not there and has been injected now. */
  injected: boolean;
  /** Whether the page is marked afterwards, as the content script says (null: no answer). */
  active: boolean | null;
}

export interface RunOnTabDeps {
  /** Whether a content script answers in the tab's top frame. */
  running(tabId: number): Promise<boolean>;
  inject(tabId: number): Promise<void>;
  send(tabId: number, message: ContentMessage): Promise<{ ok: boolean; data?: unknown }>;
  settings(): Promise<Settings>;
}

export const defaultRunOnTabDeps = (settings: () => Promise<Settings>): RunOnTabDeps => ({
  running: async (tabId) => (await sendToTab(tabId, { type: 'ping' }, { frameId: 0 })).ok,
  inject: async (tabId) => {
    await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE] });
  },
  send: (tabId, message) => sendToTab(tabId, message),
  settings,
});

function hostOf(url: string | undefined): string {
  try {
    return new URL(url ?? '').hostname;
  } catch {
    return '';
  }
}

const activeFrom = (reply: { ok: boolean; data?: unknown }): boolean | null =>
  reply.ok && typeof (reply.data as { active?: unknown } | null)?.active === 'boolean' ? (reply.data as { active: boolean }).active : null;

/**
 * The "Factmark, this page" action (toggle-page command, the popup): a running content
 * script toggles the page; otherwise it is injected, and toggled on when the settings
 * alone would leave this site unmarked (opt-in mode, a site not turned on), since the
 * user has just asked for marks here.
 */
export async function runOnTab(tab: { id: number; url?: string }, deps: RunOnTabDeps): Promise<RunOnTabResult> {
  if (await deps.running(tab.id)) return { injected: false, active: activeFrom(await deps.send(tab.id, { type: 'togglePage' })) };
  await deps.inject(tab.id);
  if (isActiveOn(await deps.settings(), hostOf(tab.url))) return { injected: true, active: true };
  return { injected: true, active: activeFrom(await deps.send(tab.id, { type: 'togglePage' })) };
}
