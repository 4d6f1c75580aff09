/** The toolbar badge: how many distinct entities the tab has marked. */
import { browser } from 'wxt/browser';

type BadgeApi = {
  setBadgeText(details: { tabId?: number; text: string }): Promise<void>;
  setBadgeBackgroundColor(details: { color: string }): Promise<void>;
};

/** MV3 has `action`; Firefox's MV2 build has `browserAction`. */
function badgeApi(): BadgeApi | undefined {
  const apis = browser as unknown as { action?: BadgeApi; browserAction?: BadgeApi };
  return apis.action ?? apis.browserAction;
}

export function badgeText(distinctEntities: number): string {
  if (distinctEntities <= 0) return '';
  return distinctEntities > 999 ? '999+' : String(distinctEntities);
}

export async function setBadge(tabId: number, distinctEntities: number): Promise<void> {
  try {
    await badgeApi()?.setBadgeText({ tabId, text: badgeText(distinctEntities) });
  } catch {
    // The tab closed in the meantime.
  }
}

export async function initBadge(): Promise<void> {
  try {
    await badgeApi()?.setBadgeBackgroundColor({ color: '#3a5a8c' });
  } catch {
    // Not fatal: the browser's default colour is used.
  }
}
