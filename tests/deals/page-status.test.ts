import { describe, expect, it } from 'vitest';
import { pageStatus, type TabFacts } from '../../lib/deals/page-status';
import { defaultSettings, withSiteRule, type Settings } from '../../lib/settings';

const on = defaultSettings();
const off: Settings = { ...on, enabled: false };
const optIn: Settings = { ...on, siteMode: 'opt-in' };
const siteOff = withSiteRule(on, 'dawn.com', 'off');
const tab = (url: string | undefined, entityIds: string[] | null, loading = false): TabFacts => ({ ...(url === undefined ? {} : { url }), entityIds, loading });

describe('pageStatus', () => {
  it.each<[string, TabFacts | undefined, Settings | undefined, ReturnType<typeof pageStatus>]>([
    ['no tab', undefined, on, 'no-tab'],
    ['marked entities', tab('https://dawn.com/a', ['x']), on, 'ready'],
    ['read, nothing found', tab('https://dawn.com/a', []), on, 'none'],
    ['settings not loaded yet', tab('https://dawn.com/a', ['x']), undefined, 'ready'],
    ['a browser page', tab('chrome://extensions/', null), on, 'unreadable'],
    ['an extension page', tab('chrome-extension://abc/sidepanel.html', null), on, 'unreadable'],
    ['no URL (no host permission)', tab(undefined, null), on, 'unreadable'],
    ['loading, no report yet', tab('https://dawn.com/a', null, true), on, 'loading'],
    ['loaded, never reported (opened before install)', tab('https://dawn.com/a', null), on, 'unreadable'],
    ['switched off everywhere', tab('https://dawn.com/a', []), off, 'disabled'],
    ['switched off for the site', tab('https://www.dawn.com/a', []), siteOff, 'site-off'],
    ['another site is not affected', tab('https://brecorder.com/a', ['x']), siteOff, 'ready'],
    ['opt-in mode, site not on', tab('https://dawn.com/a', []), optIn, 'site-off'],
    ['opt-in mode, site on', tab('https://dawn.com/a', ['x']), withSiteRule(optIn, 'dawn.com', 'on'), 'ready'],
    ['a local file has no host', tab('file:///tmp/a.html', null), on, 'unreadable'],
    ['a local server', tab('http://127.0.0.1:8080/a.html', ['x']), on, 'ready'],
    ['turned off on this page by the reader', { ...tab('https://dawn.com/a', []), active: false }, on, 'paused'],
    ['turned on by the reader in opt-in mode', { ...tab('https://dawn.com/a', ['x']), active: true }, optIn, 'ready'],
    ['a site that is off reports inactive: still site-off', { ...tab('https://dawn.com/a', []), active: false }, siteOff, 'site-off'],
  ])('%s', (_, facts, settings, expected) => {
    expect(pageStatus(facts, settings)).toBe(expected);
  });
});
