import { afterEach, describe, expect, it, vi } from 'vitest';
import { ContentApp, MANY_MARKS, type ContentBridge, type IntentSink, type PageState } from '../../lib/overlay/content-app';
import { buildDictionary } from '../../lib/match/dictionary';
import { findMentions } from '../../lib/match/find-mentions';
import { defaultSettings, type Settings } from '../../lib/settings';

// Every app is stopped after its test: a live one would follow the next test's page.
const running: AbortController[] = [];
afterEach(() => {
  for (const c of running.splice(0)) c.abort();
});

const ENTITIES = [
  { id: 'kh', name: 'Khalil Hashmi', type: 'person' as const, aliases: [] },
  // A short acronym: marked only with support on the page (its full name, here).
  { id: 'boi', name: 'Board of Investment', type: 'organisation' as const, aliases: [{ text: 'BOI', kind: 'acronym' as const }] },
];

function setup(settings: Settings = defaultSettings(), delayMs = 0, html = '<p>Ambassador Khalil Hashmi spoke.</p>') {
  const later = <T>(value: T) => new Promise<T>((r) => setTimeout(() => r(value), delayMs));
  document.body.innerHTML = html;
  const asked: string[][] = [];
  let onChange: (s: Settings) => void = () => {};
  const reports: PageState[] = [];
  const bridge: ContentBridge = {
    // The background's matcher (lib/background/matcher-service.ts), answering after a delay.
    match: (blocks, types) => {
      asked.push(blocks.map((b) => b.text));
      return later(findMentions(buildDictionary(ENTITIES.filter((e) => types.includes(e.type))), blocks));
    },
    settings: async () => settings,
    watchSettings: (cb) => {
      onChange = cb;
      return () => {};
    },
    report: (s) => reports.push(s),
  };
  const sink: IntentSink = { enter() {}, leave() {}, activate() {}, reset() {} };
  const controller = new AbortController();
  running.push(controller);
  const app = new ContentApp(document, 'example.com', bridge, sink, controller.signal);
  return { app, reports, asked, change: (s: Settings) => onChange(s) };
}

const marks = () => document.querySelectorAll('mark[data-factmark-entity]').length;
const settle = () => new Promise((r) => setTimeout(r, 20));

describe('ContentApp', () => {
  it('marks the page and reports its entities', async () => {
    const { app, reports } = setup();
    await app.start();
    expect(marks()).toBe(1);
    expect(reports.at(-1)).toMatchObject({ entityIds: ['kh'], count: 1, active: true });
  });

  it('leaves the marks alone when a setting that does not touch them changes', async () => {
    const { app, change } = setup();
    await app.start();
    const mark = document.querySelector('mark');
    change({ ...defaultSettings(), theme: 'dark', hoverDelayMs: 900 });
    await settle();
    expect(document.querySelector('mark')).toBe(mark);
  });

  it('marks again when one that does changes (a mute), and stops on the site being turned off', async () => {
    const { app, change } = setup();
    await app.start();
    change({ ...defaultSettings(), muted: ['kh'] });
    await settle();
    expect(marks()).toBe(0);
    change(defaultSettings());
    await settle();
    expect(marks()).toBe(1);
    change({ ...defaultSettings(), sites: { 'example.com': 'off' } });
    await settle();
    expect(marks()).toBe(0);
    expect(document.body.innerHTML).toBe('<p>Ambassador Khalil Hashmi spoke.</p>');
  });

  it('the page shortcut flips the page whatever the site rule says (opt-in mode)', async () => {
    const { app } = setup({ ...defaultSettings(), siteMode: 'opt-in' });
    await app.start();
    expect(marks()).toBe(0);
    expect(await app.toggle()).toBe(true);
    expect(marks()).toBe(1);
    expect(await app.toggle()).toBe(false);
    expect(marks()).toBe(0);
  });

  it('marks once when changes arrive faster than the dictionary (no two overlays at once)', async () => {
    const { app } = setup(defaultSettings(), 5);
    await app.start();
    const first = app.packsChanged();
    await new Promise((r) => setTimeout(r, 7));
    await Promise.all([first, app.packsChanged(), app.packsChanged()]);
    await settle();
    expect(marks()).toBe(1);
    expect(document.querySelector('mark')!.textContent).toBe('Khalil Hashmi');
  });

  it('reads no DOM on a page whose rendered text mentions nothing, and reads it all once a change brings a name', async () => {
    const { app, asked, reports } = setup(defaultSettings(), 0, '<p>Rain in <b>Lahore</b> today.</p><p>Markets were calm.</p><code>let x = 1;</code>');
    await app.start();
    // One question: the page's rendered text (the code too), not its blocks (which never include code).
    expect(asked).toHaveLength(1);
    expect(asked[0]!.join(' ')).toContain('let x = 1;');
    expect(reports.at(-1)).toMatchObject({ count: 0, active: true });
    const p = document.createElement('p');
    p.textContent = 'Khalil Hashmi arrived.';
    document.body.append(p);
    await vi.waitFor(() => expect(marks()).toBe(1), { timeout: 2000 });
    // The probe again, then the page read block by block.
    expect(asked.length).toBe(3);
    expect(asked[2]).toEqual(['Rain in Lahore today.', 'Markets were calm.', 'Khalil Hashmi arrived.']);
  });

  it('probes again when an attribute change may show hidden text', async () => {
    const { app, asked } = setup(defaultSettings(), 0, '<p>Nothing here.</p><div class="closed">more</div>');
    await app.start();
    expect(asked).toHaveLength(1);
    document.querySelector('.closed')!.className = 'open';
    await vi.waitFor(() => expect(asked).toHaveLength(2), { timeout: 2000 });
    // A page's own state attribute that its CSS reads counts too.
    document.querySelector('.open')!.setAttribute('data-state', 'expanded');
    await vi.waitFor(() => expect(asked).toHaveLength(3), { timeout: 2000 });
    expect(marks()).toBe(0);
  });

  it('marks earlier text again when later content changes what it means (an acronym’s full name arrives)', async () => {
    // The new paragraph goes into another section: only that section is read again.
    const { app } = setup(defaultSettings(), 0, '<section><p>Khalil Hashmi said BOI officials met.</p></section><section id="later"></section>');
    await app.start();
    const surfaces = () => [...document.querySelectorAll('mark[data-factmark-entity]')].map((m) => m.textContent);
    expect(surfaces()).toEqual(['Khalil Hashmi']);
    const p = document.createElement('p');
    p.textContent = 'The Board of Investment agreed.';
    document.getElementById('later')!.append(p);
    await vi.waitFor(() => expect(surfaces()).toEqual(['Khalil Hashmi', 'BOI', 'Board of Investment']), { timeout: 2000 });
    // The page's text is what it was, with the new paragraph.
    expect(document.body.textContent).toBe('Khalil Hashmi said BOI officials met.The Board of Investment agreed.');
  });
});

describe('ContentApp mark order', () => {
  // Next/previous mark and the popup's list follow the overlay's list: it must be in page order.
  const order = (app: ContentApp) =>
    app.current!.list.map((m) => {
      const a = m.anchor();
      return ((a instanceof Range ? a.startContainer.parentElement : a) as Element).closest('p')!.id;
    });

  it('keeps the marks in page order when paragraphs arrive before, between and after them', async () => {
    const { app } = setup(defaultSettings(), 0, '<section id="s1"><p id="b">Khalil Hashmi, second.</p></section><section id="s2"><p id="d">Khalil Hashmi, fourth.</p></section><section id="s3"></section>');
    await app.start();
    expect(order(app)).toEqual(['b', 'd']);
    const para = (id: string, text: string) => Object.assign(document.createElement('p'), { id, textContent: text });
    // One section at a time, so each change re-reads only its own section and the new
    // marks are placed among the ones already there: after them, between, before.
    document.getElementById('s3')!.append(para('e', 'Khalil Hashmi, fifth.'));
    await vi.waitFor(() => expect(order(app)).toEqual(['b', 'd', 'e']), { timeout: 2000 });
    document.getElementById('s2')!.prepend(para('c', 'Khalil Hashmi, third.'));
    await vi.waitFor(() => expect(order(app)).toEqual(['b', 'c', 'd', 'e']), { timeout: 2000 });
    document.getElementById('s1')!.prepend(para('a', 'Khalil Hashmi, first.'));
    await vi.waitFor(() => expect(order(app)).toEqual(['a', 'b', 'c', 'd', 'e']), { timeout: 2000 });
  });
});

describe('ContentApp, one block naming someone thousands of times', () => {
  it('marks every mention, each with its own first mark, in order', async () => {
    // One text node, 3,000 mentions: the marks are found by id (a find() per mention was quadratic).
    const { app } = setup(defaultSettings(), 0, `<p>${'Khalil Hashmi spoke. '.repeat(3000)}</p>`);
    await app.start();
    await vi.waitFor(() => expect(marks()).toBe(3000), { timeout: 10_000 });
    const anchors = app.current!.list.map((m) => m.anchor() as Element);
    expect(new Set(anchors).size).toBe(3000);
    const all = [...document.querySelectorAll('mark[data-factmark-entity]')];
    expect(anchors).toEqual(all);
  });
});

describe('ContentApp render mode', () => {
  const FRAMEWORK_ROOT = 'data-reactroot';
  const g = globalThis as unknown as { Highlight?: unknown; CSS?: { highlights?: unknown } };
  let saved: { Highlight: unknown; highlights: unknown } | undefined;
  // CSS highlights as Chromium has them, so the page's framework decides the mode.
  const withHighlights = () => {
    saved = { Highlight: g.Highlight, highlights: g.CSS?.highlights };
    g.Highlight = class {
      private readonly ranges = new Set<unknown>();
      constructor(...ranges: unknown[]) {
        for (const r of ranges) this.ranges.add(r);
      }
      add(r: unknown) {
        this.ranges.add(r);
      }
      delete(r: unknown) {
        return this.ranges.delete(r);
      }
      clear() {
        this.ranges.clear();
      }
      get size() {
        return this.ranges.size;
      }
    };
    g.CSS = Object.assign(g.CSS ?? {}, { highlights: new Map() });
  };
  afterEach(() => {
    if (!saved) return;
    // Stop the apps while the highlights still exist (they clear theirs).
    for (const c of running.splice(0)) c.abort();
    g.Highlight = saved.Highlight;
    if (g.CSS) g.CSS.highlights = saved.highlights;
    saved = undefined;
  });
  const frameworkLookups = (spy: { mock: { calls: unknown[][] } }) => spy.mock.calls.filter(([selector]) => String(selector).includes(FRAMEWORK_ROOT)).length;

  it('does not look for a framework root on a page it only probed (the look-up visits every element)', async () => {
    withHighlights();
    const { app, reports } = setup(defaultSettings(), 0, '<div id="__next"><p>Markets were calm.</p></div>');
    const spy = vi.spyOn(document, 'querySelector');
    await app.start();
    await settle();
    expect(reports.at(-1)).toMatchObject({ count: 0, active: true });
    expect(frameworkLookups(spy)).toBe(0);
    spy.mockRestore();
  });

  it('marks a framework page with highlights once it has something to mark, and looks once', async () => {
    withHighlights();
    const { app, reports } = setup(defaultSettings(), 0, '<div id="__next"><p>Ambassador Khalil Hashmi spoke.</p></div>');
    const spy = vi.spyOn(document, 'querySelector');
    await app.start();
    await settle();
    expect(reports.at(-1)).toMatchObject({ entityIds: ['kh'], count: 1 });
    expect(app.current?.mode).toBe('highlight');
    expect(marks()).toBe(0);
    expect(frameworkLookups(spy)).toBe(1);
    spy.mockRestore();
  });

  it('paints a page with thousands of mentions with highlights, and wraps one with fewer', async () => {
    withHighlights();
    const page = (n: number) => Array.from({ length: n }, (_, i) => `<p>${i}. Ambassador Khalil Hashmi spoke.</p>`).join('');
    const many = setup(defaultSettings(), 0, page(MANY_MARKS + 1));
    await many.app.start();
    await vi.waitFor(() => expect(many.reports.at(-1)).toMatchObject({ count: MANY_MARKS + 1 }), { timeout: 5000 });
    expect(many.app.current?.mode).toBe('highlight');
    expect(marks()).toBe(0);
    for (const c of running.splice(0)) c.abort();
    const few = setup(defaultSettings(), 0, page(MANY_MARKS));
    await few.app.start();
    await vi.waitFor(() => expect(marks()).toBe(MANY_MARKS), { timeout: 5000 });
    expect(few.app.current?.mode).toBe('dom');
  });
});
