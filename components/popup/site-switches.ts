/**
 * The popup's three switches as settings patches (sent with updateSettings). Pure: the
 * settings in, the patch out.
 */
import { hostAndParents, isActiveOn, usesNoMutationMode, withSiteRule, type Settings, type SettingsPatch } from '../../lib/settings';

/** Whether the site's own rules (and the site mode) let Factmark run there, the global switch aside. */
export function siteOn(settings: Settings, site: string): boolean {
  return isActiveOn({ ...settings, enabled: true }, site);
}

/**
 * Turns the site on or off. A rule is kept only when the site mode alone would not give
 * the wanted state, so turning a site back to what it was leaves no rule behind.
 */
export function sitePatch(settings: Settings, site: string, on: boolean): SettingsPatch {
  const without = withSiteRule(settings, site, undefined);
  const sites = siteOn(without, site) === on ? without.sites : withSiteRule(settings, site, on ? 'on' : 'off').sites;
  return { sites };
}

export function noMutationOn(settings: Settings, site: string): boolean {
  return usesNoMutationMode(settings, site);
}

/** On: adds the site. Off: removes it and any parent domain that covered it. */
export function noMutationPatch(settings: Settings, site: string, on: boolean): SettingsPatch {
  const covering = new Set(hostAndParents(site));
  const others = settings.noMutationSites.filter((s) => !covering.has(s));
  return { noMutationSites: on ? [...others, site] : others };
}

export function allSitesPatch(on: boolean): SettingsPatch {
  return { enabled: on };
}
