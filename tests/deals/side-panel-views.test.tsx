// The side panel's forms in happy-dom: a deal card's buttons and the view tabs' keys.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { DealCard } from '../../components/sidepanel/deal-card';
import { ViewTabs } from '../../components/sidepanel/view-tabs';
import { dealBundle } from '../../lib/deals/deal-bundle';
import { indexBundle, panelDeal } from '../../lib/deals/panel-deal';
import { rankDeals } from '../../lib/deals/rank-deals';
import { loadPack } from '../../lib/store';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
});

function mount(node: preact.ComponentChild): HTMLElement {
  root = document.createElement('div');
  document.body.append(root);
  act(() => render(node, root!));
  return root;
}

describe('DealCard', () => {
  it('makes the names on the page buttons that reveal them, and opens sources', async () => {
    const db = freshStore();
    await loadPack(db, makeSmallPack(), 'bundled');
    const bundle = await dealBundle(db, ['ahmed-waqas']);
    const index = indexBundle(bundle);
    const [ranked] = rankDeals(bundle.deals, ['ahmed-waqas'], { organisationsOf: (id) => index.entities.get(id)?.organisations ?? [] });
    const onReveal = vi.fn();
    const onOpenSource = vi.fn();
    const el = mount(<DealCard deal={panelDeal(ranked!.deal, index, 'en', ranked)} headingLevel={3} idPrefix="t" onReveal={onReveal} onOpenSource={onOpenSource} />);

    expect(el.querySelector('h3')?.textContent).toBe('Cancer Precision Medical Laboratory');
    expect(el.querySelector('article')?.getAttribute('aria-labelledby')).toBe('t-deal-deal-cancer-lab');
    const buttons = [...el.querySelectorAll<HTMLButtonElement>('button.entity-link')];
    expect(buttons.map((b) => b.textContent)).toEqual(['Ahmed Waqas']);
    act(() => buttons[0]!.click());
    expect(onReveal).toHaveBeenCalledWith(expect.objectContaining({ id: 'ahmed-waqas', name: 'Ahmed Waqas' }));
    // Names not on the page stay plain text.
    expect(el.textContent).toContain('Beijing Anlong Gene Medicine Technology Co., Ltd.');

    const open = [...el.querySelectorAll<HTMLButtonElement>('details button')];
    expect(open.map((b) => b.textContent)).toEqual(['Open source', 'Open source']);
    expect(open[0]!.getAttribute('aria-label')).toBe('Open source: APP, with this quote highlighted');
    act(() => open[1]!.click());
    expect(onOpenSource).toHaveBeenCalledWith(expect.objectContaining({ sourceId: 'src-envoy', packId: 'test-pack', quote: 'joint ventures' }));
  });
});

describe('ViewTabs', () => {
  it.each([
    ['ArrowRight', 'a', 'b'],
    ['ArrowRight', 'b', 'a'],
    ['ArrowLeft', 'a', 'b'],
    ['Home', 'b', 'a'],
    ['End', 'a', 'b'],
  ])('%s from %s selects %s', (key, from, to) => {
    const onSelect = vi.fn();
    const el = mount(<ViewTabs label="Views" selected={from} onSelect={onSelect} tabs={[{ id: 'a', label: 'A' }, { id: 'b', label: 'B' }]} />);
    const selected = el.querySelector<HTMLButtonElement>('[aria-selected="true"]')!;
    expect(selected.tabIndex).toBe(0);
    expect(el.querySelector<HTMLButtonElement>('[aria-selected="false"]')!.tabIndex).toBe(-1);
    act(() => void selected.dispatchEvent(new KeyboardEvent('keydown', { key, bubbles: true })));
    expect(onSelect).toHaveBeenCalledWith(to);
  });
});
