// The popup's forms in happy-dom: results as text with <mark>, the combobox's ARIA, the page panel's states.
import { render, type ComponentChild } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { PagePanel, type PagePanelProps } from '../../components/popup/page-panel';
import { optionsOf } from '../../components/popup/result-nav';
import { SearchBox } from '../../components/popup/search-box';
import { defaultSettings } from '../../lib/settings';
import type { SearchResults } from '../../lib/search/search';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

function mount(node: ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}

const HOSTILE = '<img src=x onerror="window.__pwned=1">Hashmi';

const results: SearchResults = {
  query: 'hashmi',
  terms: ['hashmi'],
  typoTerms: [],
  total: 12,
  groups: [
    { kind: 'person', total: 1, hits: [{ kind: 'person', refId: 'khalil-hashmi', packId: 'p', title: { text: 'Khalil Hashmi', marks: [[7, 13]] }, subtitle: { text: 'Ambassador', marks: [] }, match: 'words', score: 3 }] },
    { kind: 'fact', total: 11, hits: [{ kind: 'fact', refId: 'f1', packId: 'p', title: { text: HOSTILE, marks: [[HOSTILE.indexOf('Hashmi'), HOSTILE.length]] }, match: 'text', score: 1 }] },
  ],
};

function searchBox(active = -1, onOpen = vi.fn()) {
  return mount(<SearchBox query="hashmi" results={results} options={optionsOf(results)} state="done" active={active} onQuery={vi.fn()} onKey={vi.fn()} onOpen={onOpen} onHover={vi.fn()} />);
}

describe('SearchBox', () => {
  it('is a combobox controlling a listbox of grouped options', () => {
    const el = searchBox(1);
    const input = el.querySelector('input')!;
    expect(input.getAttribute('role')).toBe('combobox');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(input.getAttribute('aria-activedescendant')).toBe('popup-result-1');
    expect(el.querySelector(`#${input.getAttribute('aria-controls')}`)?.getAttribute('role')).toBe('listbox');
    expect([...el.querySelectorAll('[role="group"]')].map((g) => g.getAttribute('aria-label'))).toEqual(['People (1)', 'Facts (best 1 of 11)']);
    expect([...el.querySelectorAll('[role="option"]')].map((o) => o.getAttribute('aria-selected'))).toEqual(['false', 'true']);
    expect(el.querySelector('label')?.getAttribute('for')).toBe(input.id);
    expect(el.querySelector('[role="status"]')?.textContent).toBe('12 results. Arrow keys choose, Enter opens.');
  });

  it('renders every result as text, the query in <mark>', () => {
    const el = searchBox();
    expect(el.querySelector('img')).toBeNull();
    const fact = el.querySelectorAll('.result-title')[1]!;
    expect(fact.textContent).toBe(HOSTILE);
    expect(fact.querySelector('mark')?.textContent).toBe('Hashmi');
    expect(el.querySelector('.result-title mark')?.textContent).toBe('Hashmi');
  });

  it('opens a result on click', () => {
    const onOpen = vi.fn();
    const el = searchBox(-1, onOpen);
    act(() => (el.querySelector('[role="option"]') as HTMLElement).click());
    expect(onOpen.mock.calls[0]![0].hit.refId).toBe('khalil-hashmi');
  });

  it('says when nothing was found, and hides the listbox', () => {
    const none: SearchResults = { query: 'zzz', terms: ['zzz'], typoTerms: [], total: 0, groups: [] };
    const el = mount(<SearchBox query="zzz" results={none} options={[]} state="done" active={-1} onQuery={vi.fn()} onKey={vi.fn()} onOpen={vi.fn()} onHover={vi.fn()} />);
    expect(el.querySelector('[role="status"]')?.textContent).toBe('Nothing found for “zzz”.');
    expect(el.querySelector('[role="listbox"]')?.hasAttribute('hidden')).toBe(true);
    expect(el.querySelector('input')?.getAttribute('aria-expanded')).toBe('false');
  });
});

function panel(props: Partial<PagePanelProps>) {
  const base: PagePanelProps = {
    page: { tabId: 3, access: { kind: 'open', host: 'www.dawn.com', site: 'dawn.com' }, state: { tabId: 3, entityIds: ['a', 'b'], count: 5 }, entities: [{ id: 'a', packId: 'p', name: 'Khalil Hashmi', type: 'person' }, { id: 'b', packId: 'p', name: 'Sialkot', type: 'place' }] },
    settings: defaultSettings(),
    status: '',
    onOpenEntity: vi.fn(),
    onShowOnPage: vi.fn(),
    onSite: vi.fn(),
    onAllSites: vi.fn(),
    onNoMutation: vi.fn(),
    onReadPage: vi.fn(),
    onOptions: vi.fn(),
  };
  return mount(<PagePanel {...base} {...props} />);
}

describe('PagePanel', () => {
  it('counts and lists the names marked on the page, each opening its card', () => {
    const onOpenEntity = vi.fn();
    const el = panel({ onOpenEntity });
    expect(el.querySelector('h2')?.textContent).toBe('This page: dawn.com');
    expect(el.querySelector('.count')?.textContent).toBe('Names marked on this page: 2 (marks: 5)');
    act(() => (el.querySelector('.entity') as HTMLElement).click());
    expect(onOpenEntity.mock.calls[0]![0].id).toBe('a');
    expect([...el.querySelectorAll('.switch label')].map((l) => l.textContent)).toEqual(['Mark names on dawn.com', 'Mark names on all sites', 'Highlight without changing this site’s pages']);
  });

  it('switches send what was asked', () => {
    const onSite = vi.fn();
    const onNoMutation = vi.fn();
    const el = panel({ onSite, onNoMutation });
    act(() => (el.querySelector('#popup-site') as HTMLInputElement).click());
    act(() => (el.querySelector('#popup-nomutation') as HTMLInputElement).click());
    expect(onSite).toHaveBeenCalledWith(false);
    expect(onNoMutation).toHaveBeenCalledWith(true);
  });

  it.each([
    [{ access: { kind: 'closed', reason: 'store' } as const }, 'Factmark cannot read this page: browsers keep extensions out of their add-on stores.'],
    [{ access: { kind: 'closed', reason: 'unknown' } as const }, 'Factmark cannot read this page: browsers keep extensions out of their own pages (settings, new tabs, about: and chrome:// pages).'],
    [{ access: { kind: 'closed', reason: 'file' } as const }, 'Factmark cannot read files on your computer until you allow it'],
  ])('says plainly where it cannot read: %j', (page, text) => {
    const el = panel({ page: { tabId: 3, state: null, entities: [], ...page } });
    expect(el.querySelector('.closed')?.textContent).toContain(text);
    expect(el.querySelector('#popup-site')).toBeNull();
    expect(el.querySelector('#popup-all')).not.toBeNull();
  });

  it('offers to read a page no content script reported for', () => {
    const onReadPage = vi.fn();
    const el = panel({ onReadPage, page: { tabId: 3, access: { kind: 'open', host: 'dawn.com', site: 'dawn.com' }, state: null, entities: [] } });
    act(() => (el.querySelector('.note button') as HTMLElement).click());
    expect(onReadPage).toHaveBeenCalled();
  });

  it('says when Factmark is off here or everywhere', () => {
    expect(panel({ settings: { ...defaultSettings(), enabled: false } }).querySelector('.note')?.textContent).toBe('Factmark is turned off on all sites.');
    expect(panel({ settings: { ...defaultSettings(), sites: { 'dawn.com': 'off' } } }).querySelector('.note')?.textContent).toBe('Factmark is off on this site.');
  });
});
