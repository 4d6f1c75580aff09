// The card's components in happy-dom: data rendered as text (a hostile pack stays inert),
// related entities one click away with Back, every statement with its proof, the actions.
import { render } from 'preact';
import { act } from 'preact/test-utils';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CardContainer, type CardActions } from '../../components/card/card-container';
import { entityCard, loadPack } from '../../lib/store';
import type { EntityCard } from '../../lib/store/views';
import { makeSmallPack } from '../fixtures/small-pack';
import { freshStore } from '../store/helpers';
import { HOSTILE, makeHostilePack } from './hostile-pack';

let root: HTMLElement | undefined;
afterEach(() => {
  if (root) render(null, root);
  root?.remove();
  root = undefined;
  delete (window as { __factmarkPwned?: unknown }).__factmarkPwned;
});

async function cards(hostile: boolean): Promise<Map<string, EntityCard>> {
  const db = freshStore();
  const pack = hostile ? makeHostilePack() : makeSmallPack();
  await loadPack(db, pack, 'bundled');
  const out = new Map<string, EntityCard>();
  for (const e of pack.entities) out.set(e.id, (await entityCard(db, e.id))!);
  return out;
}

function actionsFor(known: Map<string, EntityCard>): CardActions & { calls: string[] } {
  const calls: string[] = [];
  return {
    calls,
    load: async (id) => known.get(id) ?? null,
    openSource: async (link) => (calls.push(`source ${link.sourceId} ${link.quote ?? ''}`), true),
    showDeals: async (id) => (calls.push(`deals ${id}`), false),
    mute: async (id) => (calls.push(`mute ${id}`), true),
    notHere: async (id) => (calls.push(`notHere ${id}`), true),
    copy: async (text) => (calls.push(`copy ${text}`), 'copied'),
  };
}

async function mount(known: Map<string, EntityCard>, entityId: string, actions = actionsFor(known), autoFocus = false) {
  root = document.createElement('div');
  document.body.append(root);
  const rendered = vi.fn();
  await act(async () => {
    render(
      <CardContainer
        entityId={entityId}
        header={{ name: known.get(entityId)!.entity.name, type: known.get(entityId)!.entity.type }}
        actions={actions}
        theme="auto"
        dir="ltr"
        locale="en-US"
        pinned={false}
        onPin={() => {}}
        onClose={() => {}}
        autoFocus={autoFocus}
        onRendered={rendered}
      />,
      root!,
    );
  });
  await act(async () => {
    await new Promise((r) => setTimeout(r, 0));
  });
  return { root: root!, actions, rendered };
}

const click = async (el: Element | null | undefined) => {
  if (!el) throw new Error('nothing to click');
  await act(async () => {
    (el as HTMLElement).click();
    await new Promise((r) => setTimeout(r, 0));
  });
};
const buttonNamed = (root: Element, text: string) => [...root.querySelectorAll('button')].find((b) => b.textContent === text || b.getAttribute('aria-label') === text);

describe('CardContainer', () => {
  it('is a dialog labelled by the entity’s name', async () => {
    const { root } = await mount(await cards(false), 'khalil-hashmi');
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('aria-labelledby')).toBe('fm-card-title');
    expect(root.querySelector('#fm-card-title')?.textContent).toBe('Khalil Hashmi');
    expect(root.querySelector('.identity')?.textContent).toBe('Ambassador to China, Embassy of Pakistan in China, as of January 20, 2025');
  });

  it('shows every statement with its quote, outlet and date', async () => {
    const { root } = await mount(await cards(false), 'khalil-hashmi');
    const evidence = [...root.querySelectorAll('.evidence')];
    expect(evidence.length).toBeGreaterThan(2);
    for (const e of evidence) {
      expect(e.querySelector('blockquote')?.textContent).toMatch(/^“.+”$/);
      expect(e.querySelector('cite')?.textContent).toBeTruthy();
      expect(e.textContent).toMatch(/Open source/);
    }
    expect(root.textContent).toContain('over US$600 million');
  });

  it('opens a related entity in place, and Back returns', async () => {
    const { root } = await mount(await cards(false), 'khalil-hashmi');
    await click(buttonNamed(root, 'Embassy of Pakistan in China'));
    expect(root.querySelector('#fm-card-title')?.textContent).toBe('Embassy of Pakistan in China');
    await click(buttonNamed(root, 'Back'));
    expect(root.querySelector('#fm-card-title')?.textContent).toBe('Khalil Hashmi');
    expect(buttonNamed(root, 'Back')).toBeUndefined();
  });

  it('runs the actions with the shown entity and says what happened', async () => {
    const { root, actions } = await mount(await cards(false), 'khalil-hashmi');
    await click(buttonNamed(root, 'Open source'));
    expect(actions.calls[0]).toBe('source src-envoy Pakistan’s Ambassador to China, Khalil Hashmi');
    await click(buttonNamed(root, 'Copy citation'));
    expect(actions.calls[1]).toBe('copy “Pakistan’s Ambassador to China, Khalil Hashmi” — INP, January 20, 2025');
    expect(root.querySelector('[role="status"]')?.textContent).toBe('Copied the citation.');
    await click(buttonNamed(root, 'Show related deals'));
    expect(root.querySelector('[role="status"]')?.textContent).toMatch(/could not be opened/);
    await click(buttonNamed(root, 'Mute this entity'));
    await click(buttonNamed(root, 'Not this one here'));
    expect(actions.calls.slice(2)).toEqual(['deals khalil-hashmi', 'mute khalil-hashmi', 'notHere khalil-hashmi']);
  });

  it('offers the citation to copy by hand when the clipboard refuses', async () => {
    const known = await cards(false);
    const actions = { ...actionsFor(known), copy: async () => 'manual' as const };
    const { root } = await mount(known, 'khalil-hashmi', actions);
    await click(buttonNamed(root, 'Copy citation'));
    expect(root.querySelector<HTMLTextAreaElement>('textarea.manual')?.value).toBe('“Pakistan’s Ambassador to China, Khalil Hashmi” — INP, January 20, 2025');
  });

  it('lays itself out right to left for an RTL interface', async () => {
    const known = await cards(false);
    root = document.createElement('div');
    document.body.append(root);
    await act(async () => {
      render(
        <CardContainer entityId="khalil-hashmi" header={{ name: 'Khalil Hashmi', type: 'person' }} actions={actionsFor(known)} theme="dark" dir="rtl" locale="ur" pinned onPin={() => {}} onClose={() => {}} autoFocus={false} onRendered={() => {}} />,
        root!,
      );
    });
    const dialog = root.querySelector('[role="dialog"]')!;
    expect(dialog.getAttribute('dir')).toBe('rtl');
    expect(dialog.getAttribute('data-theme')).toBe('dark');
    expect(root.querySelector('button[aria-pressed]')?.getAttribute('aria-pressed')).toBe('true');
  });

  it('moves focus into the card when opened from the keyboard', async () => {
    const { root } = await mount(await cards(false), 'khalil-hashmi', undefined, true);
    expect(document.activeElement).toBe(root.querySelector('[role="dialog"]'));
  });

  it.each(['khalil-hashmi', 'anlong-gene', 'ahmed-waqas', 'pakistan-embassy-china'])('renders a hostile pack as inert text (%s)', async (id) => {
    const known = await cards(true);
    const { root } = await mount(known, id);
    expect(root.querySelector('.evidence')).not.toBeNull();
    expect(root.querySelectorAll('img, script, iframe, object, embed, link, style').length).toBe(0);
    const handlers = [...root.querySelectorAll('*')].flatMap((el) => el.getAttributeNames().filter((n) => n.startsWith('on')));
    expect(handlers).toEqual([]);
    expect(root.textContent).toContain(HOSTILE);
    expect((window as { __factmarkPwned?: unknown }).__factmarkPwned).toBeUndefined();
  });
});
