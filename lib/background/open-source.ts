/** The source page (entrypoints/source) for one document, with the quote to highlight. */
import { browser } from 'wxt/browser';

export interface SourceLink {
  sourceId: string;
  packId?: string;
  quote?: string;
}

/** `source.html?src=<id>[&pack=<packId>][&q=<quote>]`: the source page reads these. */
export function sourceQuery(link: SourceLink): string {
  const params = new URLSearchParams({ src: link.sourceId });
  if (link.packId !== undefined) params.set('pack', link.packId);
  if (link.quote !== undefined) params.set('q', link.quote);
  return `?${params.toString()}`;
}

export function sourcePageUrl(link: SourceLink): string {
  return browser.runtime.getURL(`/source.html${sourceQuery(link)}`);
}

/** Opens the source page in a new tab beside `openerTabId`; returns the new tab's id. */
export async function openSource(link: SourceLink, openerTabId?: number): Promise<number | null> {
  const tab = await browser.tabs.create({ url: sourcePageUrl(link), ...(openerTabId === undefined ? {} : { openerTabId }) });
  return tab.id ?? null;
}
