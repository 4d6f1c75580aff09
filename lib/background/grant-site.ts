/**
 * "Always run on this site", from an extension page (popup, options): asks the browser
 * for the site's host permission, then turns the site on in the settings. It must run in
 * the page's click handler: permissions.request needs the user's gesture, which the
 * background never has. With `<all_urls>` granted the browser answers at once without a
 * prompt; where the user limited Factmark's site access, it asks them.
 */
import { browser } from 'wxt/browser';
import { sendMessage } from '../messaging/send-message';
import { normaliseHost, type Settings } from '../settings/settings';
import { withSiteRule } from '../settings/site-rules';

/** Match patterns for a host and its subdomains, as a site rule covers them. */
export function siteOrigins(host: string): string[] {
  const h = normaliseHost(host);
  // An IP address has no subdomains, and "*.127.0.0.1" is not a valid match pattern.
  const isAddress = /^[\d.]+$|^\[/.test(h);
  return isAddress ? [`*://${h}/*`] : [`*://${h}/*`, `*://*.${h}/*`];
}

export type GrantResult = { ok: true; settings: Settings } | { ok: false; reason: 'refused' | 'failed'; error?: string };

export async function grantSite(host: string): Promise<GrantResult> {
  let granted: boolean;
  try {
    // Called first, before any await: the gesture must still be live.
    granted = await browser.permissions.request({ origins: siteOrigins(host) });
  } catch (error) {
    return { ok: false, reason: 'failed', error: error instanceof Error ? error.message : String(error) };
  }
  if (!granted) return { ok: false, reason: 'refused' };
  const current = await sendMessage({ type: 'getSettings' });
  if (!current.ok) return { ok: false, reason: 'failed', error: current.error };
  const reply = await sendMessage({ type: 'updateSettings', patch: { sites: withSiteRule(current.data, host, 'on').sites } });
  return reply.ok ? { ok: true, settings: reply.data } : { ok: false, reason: 'failed', error: reply.error };
}
