/**
 * Whether Factmark can read the tab's page at all, from its URL: browsers keep extensions
 * out of their own pages (chrome://, about:, the extension galleries) whatever the
 * permissions say, and out of local files unless the user allows it. The popup says so
 * plainly instead of showing switches that would do nothing there.
 */
import { normaliseHost } from '../../lib/settings';

export type ClosedReason = 'browser' | 'store' | 'extension' | 'file' | 'unknown';

export type PageAccess = { kind: 'open'; host: string; site: string } | { kind: 'closed'; reason: ClosedReason };

/** Extension galleries, where browsers block content scripts (Chrome, Firefox, Edge). */
const STORES: ReadonlyArray<[host: string, path: string]> = [
  ['chromewebstore.google.com', '/'],
  ['chrome.google.com', '/webstore'],
  ['addons.mozilla.org', '/'],
  ['microsoftedge.microsoft.com', '/addons'],
];

/** The key a site's switches are stored under: its host without a leading "www." (a rule covers subdomains). */
export function siteKey(host: string): string {
  return normaliseHost(host).replace(/^www\./, '');
}

/**
 * `url` is undefined when the browser does not tell the popup (its own pages, without the
 * tabs permission); `fileAccess` is browser.extension.isAllowedFileSchemeAccess().
 */
export function pageAccess(url: string | undefined, fileAccess: boolean): PageAccess {
  let parsed: URL;
  try {
    parsed = new URL(url ?? '');
  } catch {
    return { kind: 'closed', reason: 'unknown' };
  }
  const { protocol, hostname, pathname } = parsed;
  if (protocol === 'file:') return fileAccess ? { kind: 'open', host: '', site: '' } : { kind: 'closed', reason: 'file' };
  if (protocol === 'chrome-extension:' || protocol === 'moz-extension:' || protocol === 'extension:') return { kind: 'closed', reason: 'extension' };
  if (protocol !== 'http:' && protocol !== 'https:') return { kind: 'closed', reason: 'browser' };
  const host = normaliseHost(hostname);
  if (STORES.some(([store, path]) => host === store && pathname.startsWith(path))) return { kind: 'closed', reason: 'store' };
  return { kind: 'open', host, site: siteKey(host) };
}
