/** Where Factmark runs: the global switch, the site mode and per-host rules. */
import { normaliseHost, type Settings, type SiteRule } from './settings';

/** The host itself, then each parent domain: "a.b.example.com" → …, "b.example.com", "example.com", "com". */
export function hostAndParents(host: string): string[] {
  const labels = normaliseHost(host).split('.');
  return labels.map((_, i) => labels.slice(i).join('.')).filter(Boolean);
}

/** The most specific rule covering `host`, if any. */
export function siteRuleFor(settings: Settings, host: string): SiteRule | undefined {
  for (const candidate of hostAndParents(host)) {
    const rule = settings.sites[candidate];
    if (rule) return rule;
  }
  return undefined;
}

/** Whether the content script should mark pages on `host`. */
export function isActiveOn(settings: Settings, host: string): boolean {
  if (!settings.enabled || normaliseHost(host) === '') return false;
  const rule = siteRuleFor(settings, host);
  return rule === undefined ? settings.siteMode === 'all' : rule === 'on';
}

/**
 * Whether `host` is in the no-mutation mode: marks are painted with CSS Custom
 * Highlights and the page's DOM is never changed (for sites whose framework owns its
 * text nodes). The overlay still follows the page's changes.
 */
export function usesNoMutationMode(settings: Settings, host: string): boolean {
  const covered = new Set(hostAndParents(host));
  return settings.noMutationSites.some((site) => covered.has(site));
}

/** Settings with `host`'s rule set, or removed with `undefined` (back to the site mode). */
export function withSiteRule(settings: Settings, host: string, rule: SiteRule | undefined): Settings {
  const key = normaliseHost(host);
  const { [key]: _previous, ...others } = settings.sites;
  return { ...settings, sites: rule === undefined ? others : { ...others, [key]: rule } };
}
