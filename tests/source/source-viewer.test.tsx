// The source page's components in happy-dom: the quote highlighted in the text, the items
// the pack draws from the document, a hostile pack rendered as inert text.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it } from 'vitest';
import { SourceViewerContainer, type SourceBridge } from '../../components/source/source-viewer-container';
import { defaultSettings } from '../../lib/settings';
import { loadPack, sourceById, type FactmarkDB } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { HOSTILE, makeHostilePack } from '../card/hostile-pack';
import { freshStore } from '../store/helpers';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

async function store(hostile = false): Promise<FactmarkDB> {
  const db = freshStore();
  await loadPack(db, hostile ? makeHostilePack() : makeSmallPack(), 'bundled');
  return db;
}

async function mount(db: FactmarkDB, search: string) {
  const bridge: SourceBridge = { load: async (id, pack) => (await sourceById(db, id, pack)) ?? null, settings: async () => defaultSettings() };
  const loc = { search };
  const pushed: string[] = [];
  const hist = { pushState: (_s: unknown, _t: string, url?: string | URL | null) => void pushed.push(String(url)) };
  root = document.createElement('div');
  document.body.append(root);
  await act(async () => {
    render(<SourceViewerContainer bridge={bridge} location={loc} history={hist} />, root!);
  });
  // The store answers over several IndexedDB round trips: wait for the page to leave "loading".
  for (let i = 0; i < 100 && root!.querySelector('.notice')?.textContent === 'Loading…'; i++) {
    await act(async () => {
      await new Promise((r) => setTimeout(r, 5));
    });
  }
  return { root: root!, pushed };
}

const q = (s: string) => encodeURIComponent(s);

describe('SourceViewerContainer', () => {
  it('shows the document with the quote highlighted, whitespace-insensitive', async () => {
    const { root } = await mount(await store(), `?src=src-envoy&pack=test-pack&q=${q('said   Pakistan’s\nAmbassador to China')}`);
    expect(root.querySelector('h1')?.textContent).toBe('China, Pakistan to enhance ties in medical sector: Envoy');
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['said Pakistan’s Ambassador to China']);
    expect(root.querySelector('.quote-status')?.textContent).toMatch(/highlighted passage/);
    expect(root.querySelector('.meta')?.textContent).toBe('INP · ISLAMABAD · January 20, 2025');
  });

  it('says so when the quote is not in the text', async () => {
    const { root } = await mount(await store(), `?src=src-envoy&q=${q('words nobody wrote')}`);
    expect(root.querySelectorAll('mark').length).toBe(0);
    expect(root.querySelector('.quote-status.missing')?.textContent).toContain('words nobody wrote');
  });

  it('lists what the pack draws from the document, each item showing its quote', async () => {
    const { root, pushed } = await mount(await store(), '?src=src-lab&pack=test-pack');
    const groups = [...root.querySelectorAll('.drawn h3')].map((h) => h.textContent);
    expect(groups).toEqual(['People and organisations', 'Roles', 'Facts', 'Deals']);
    const link = [...root.querySelectorAll<HTMLAnchorElement>('.drawn a')].find((a) => a.closest('li')?.textContent?.includes('health knows no borders'));
    expect(link?.getAttribute('href')).toBe(`?src=src-lab&pack=test-pack&q=${q('Health knows no borders.').replace(/%20/g, '+')}`);
    await act(async () => {
      link!.dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true, button: 0 }));
    });
    expect(pushed).toHaveLength(1);
    expect([...root.querySelectorAll('mark')].map((m) => m.textContent)).toEqual(['Health knows no borders.']);
    expect(link?.getAttribute('aria-current')).toBe('true');
  });

  it('tells an unknown source apart from no source', async () => {
    const db = await store();
    expect((await mount(db, '?src=nope')).root.textContent).toMatch(/not in any enabled fact pack/);
    render(null, root!);
    expect((await mount(db, '')).root.textContent).toMatch(/No source was asked for/);
  });

  it('renders a hostile pack as inert text', async () => {
    const { root } = await mount(await store(true), `?src=src-envoy&q=${q('Khalil Hashmi')}`);
    expect(root.querySelectorAll('img, script, iframe').length).toBe(0);
    expect(root.querySelector('h1')?.textContent).toContain(HOSTILE);
    expect(root.querySelector('.document')?.textContent).toContain(HOSTILE);
    expect(root.querySelectorAll('mark').length).toBeGreaterThan(0);
  });
});
