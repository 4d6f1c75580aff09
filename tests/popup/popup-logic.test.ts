// The popup's pure parts: which pages Factmark can read, the switches' patches, arrow keys.
import { describe, expect, it } from 'vitest';
import { pageAccess, siteKey } from '../../components/popup/page-access';
import { optionsOf, step } from '../../components/popup/result-nav';
import { allSitesPatch, noMutationOn, noMutationPatch, siteOn, sitePatch } from '../../components/popup/site-switches';
import { tabFromQuery } from '../../components/popup/use-page';
import { defaultSettings, type Settings } from '../../lib/settings';
import type { SearchHit, SearchResults } from '../../lib/search/search';

const settings = (patch: Partial<Settings> = {}): Settings => ({ ...defaultSettings(), ...patch });

describe('pageAccess', () => {
  it.each([
    ['https://www.dawn.com/news/1', { kind: 'open', host: 'www.dawn.com', site: 'dawn.com' }],
    ['http://127.0.0.1:8080/a.html', { kind: 'open', host: '127.0.0.1', site: '127.0.0.1' }],
    ['https://news.example.co.uk/', { kind: 'open', host: 'news.example.co.uk', site: 'news.example.co.uk' }],
    ['https://chromewebstore.google.com/detail/x', { kind: 'closed', reason: 'store' }],
    ['https://chrome.google.com/webstore/category/extensions', { kind: 'closed', reason: 'store' }],
    ['https://chrome.google.com/search', { kind: 'open', host: 'chrome.google.com', site: 'chrome.google.com' }],
    ['https://addons.mozilla.org/en-US/firefox/', { kind: 'closed', reason: 'store' }],
    ['https://microsoftedge.microsoft.com/addons/home', { kind: 'closed', reason: 'store' }],
    ['chrome://settings/', { kind: 'closed', reason: 'browser' }],
    ['about:blank', { kind: 'closed', reason: 'browser' }],
    ['edge://newtab/', { kind: 'closed', reason: 'browser' }],
    ['view-source:https://www.dawn.com/', { kind: 'closed', reason: 'browser' }],
    ['chrome-extension://abcdefgh/options.html', { kind: 'closed', reason: 'extension' }],
    ['moz-extension://1234/popup.html', { kind: 'closed', reason: 'extension' }],
    [undefined, { kind: 'closed', reason: 'unknown' }],
    ['', { kind: 'closed', reason: 'unknown' }],
  ])('%s', (url, expected) => {
    expect(pageAccess(url, false)).toEqual(expected);
  });

  it('reads local files only where the user allowed it', () => {
    expect(pageAccess('file:///home/me/a.html', false)).toEqual({ kind: 'closed', reason: 'file' });
    expect(pageAccess('file:///home/me/a.html', true)).toEqual({ kind: 'open', host: '', site: '' });
  });

  it.each([
    ['www.dawn.com', 'dawn.com'],
    ['WWW.Dawn.COM.', 'dawn.com'],
    ['wwwx.example.com', 'wwwx.example.com'],
  ])('siteKey(%s) = %s', (host, key) => {
    expect(siteKey(host)).toBe(key);
  });
});

describe('the switches', () => {
  it.each([
    ['all mode, no rule: off adds a rule', settings(), false, { 'dawn.com': 'off' }],
    ['all mode, off rule: on removes it', settings({ sites: { 'dawn.com': 'off' } }), true, {}],
    ['opt-in mode: on adds a rule', settings({ siteMode: 'opt-in' }), true, { 'dawn.com': 'on' }],
    ['opt-in mode, on rule: off removes it', settings({ siteMode: 'opt-in', sites: { 'dawn.com': 'on' } }), false, {}],
    ['other sites are kept', settings({ sites: { 'bbc.com': 'off' } }), false, { 'bbc.com': 'off', 'dawn.com': 'off' }],
  ])('%s', (_, current, on, sites) => {
    expect(sitePatch(current, 'dawn.com', on)).toEqual({ sites });
    expect(siteOn({ ...current, ...sitePatch(current, 'dawn.com', on) }, 'dawn.com')).toBe(on);
  });

  it('a subdomain turned on under a parent turned off keeps its own rule', () => {
    const current = settings({ sites: { 'dawn.com': 'off' } });
    expect(sitePatch(current, 'news.dawn.com', true)).toEqual({ sites: { 'dawn.com': 'off', 'news.dawn.com': 'on' } });
  });

  it('the site switch shows the site, whatever the global switch', () => {
    expect(siteOn(settings({ enabled: false }), 'dawn.com')).toBe(true);
    expect(siteOn(settings({ enabled: false, sites: { 'dawn.com': 'off' } }), 'dawn.com')).toBe(false);
  });

  it('no-mutation mode: on adds the site, off removes it and any parent covering it', () => {
    expect(noMutationPatch(settings(), 'dawn.com', true)).toEqual({ noMutationSites: ['dawn.com'] });
    const covered = settings({ noMutationSites: ['dawn.com', 'bbc.com'] });
    expect(noMutationOn(covered, 'news.dawn.com')).toBe(true);
    expect(noMutationPatch(covered, 'news.dawn.com', false)).toEqual({ noMutationSites: ['bbc.com'] });
  });

  it('all sites', () => {
    expect(allSitesPatch(false)).toEqual({ enabled: false });
  });
});

describe('arrow keys', () => {
  it.each([
    [-1, 3, 1, 0],
    [-1, 3, -1, 2],
    [0, 3, 1, 1],
    [2, 3, 1, 0],
    [0, 3, -1, 2],
    [-1, 0, 1, -1],
  ] as const)('from %i of %i by %i → %i', (active, count, direction, next) => {
    expect(step(active, count, direction)).toBe(next);
  });

  it('numbers the options across groups', () => {
    const hit = (refId: string): SearchHit => ({ kind: 'person', refId, packId: 'p', title: { text: refId, marks: [] }, match: 'exact', score: 1 });
    const results: SearchResults = { query: 'x', terms: ['x'], typoTerms: [], total: 3, groups: [{ kind: 'person', total: 2, hits: [hit('a'), hit('b')] }, { kind: 'deal', total: 1, hits: [{ ...hit('c'), kind: 'deal' }] }] };
    expect(optionsOf(results).map((g) => g.map((o) => [o.index, o.id, o.hit.refId]))).toEqual([
      [[0, 'popup-result-0', 'a'], [1, 'popup-result-1', 'b']],
      [[2, 'popup-result-2', 'c']],
    ]);
    expect(optionsOf(null)).toEqual([]);
  });
});

describe('popup.html?tab=<id>', () => {
  it.each([
    ['?tab=42', 42],
    ['?tab=0', 0],
    ['', undefined],
    ['?tab=', undefined],
    ['?tab=-1', undefined],
    ['?tab=4.2', undefined],
    ['?tab=99999999999999999999', undefined],
  ])('%s → %s', (search, id) => {
    expect(tabFromQuery(search)).toBe(id);
  });
});
