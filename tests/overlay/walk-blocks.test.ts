import { describe, expect, it } from 'vitest';
import { collectBlocks, walkBlocks } from '../../lib/overlay/text-blocks';

// walkBlocks walks firstChild/nextSibling with a stack of open elements, for speed. Here a
// plain recursive reading of the same rules is the reference, on random trees.
const EXCLUDED = new Set(['SCRIPT', 'STYLE', 'TEXTAREA', 'CODE', 'PRE', 'SVG', 'BUTTON']);
const BLOCK = new Set(['P', 'DIV', 'LI', 'UL', 'TD', 'TR', 'TABLE', 'TBODY', 'BR', 'SECTION', 'BODY']);
const HEADING = new Set(['H1', 'H2', 'H3']);

function reference(root: Node): Array<{ text: string; heading: boolean }> {
  const out: Array<{ text: string; heading: boolean }> = [];
  let text = '';
  let nodes = 0;
  let depth = 0;
  let heading = false;
  const flush = () => {
    if (nodes > 0 && /\S/.test(text)) out.push({ text, heading });
    text = '';
    nodes = 0;
    heading = depth > 0;
  };
  const visit = (n: Node) => {
    if (n.nodeType === 3) {
      const d = (n as Text).data;
      if (d.length > 0) {
        text += d;
        nodes++;
      }
      return;
    }
    if (n.nodeType !== 1) return;
    const el = n as Element;
    const tag = el.tagName.toUpperCase();
    const editable = el.getAttribute('contenteditable');
    if (EXCLUDED.has(tag) || el.hasAttribute('hidden') || (editable !== null && editable !== 'false') || el.getAttribute('role') === 'textbox') return;
    const isHeading = HEADING.has(tag) || el.getAttribute('role') === 'heading';
    const isBlock = isHeading || BLOCK.has(tag);
    if (isBlock) flush();
    if (isHeading) {
      depth++;
      heading = true;
    }
    el.childNodes.forEach(visit);
    if (isBlock) flush();
    if (isHeading) {
      depth--;
      heading = depth > 0;
    }
  };
  visit(root);
  flush();
  return out;
}

function random(seed: number) {
  let s = seed;
  return () => {
    s = (Math.imul(s, 1103515245) + 12345) >>> 0;
    return s / 2 ** 32;
  };
}

const TAGS = ['p', 'div', 'span', 'a', 'b', 'li', 'h2', 'h3', 'br', 'code', 'script', 'td', 'em', 'section', 'button'];
const WORDS = ['Khalil', 'Hashmi', 'Sialkot', ' ', 'the ', 'Board of Investment', '\n', ''];

function randomTree(rand: () => number, parent: Element, depth: number): void {
  const n = Math.floor(rand() * 5);
  for (let i = 0; i < n; i++) {
    const r = rand();
    if (r < 0.4 || depth > 5) parent.appendChild(document.createTextNode(WORDS[Math.floor(rand() * WORDS.length)]!));
    else if (r < 0.45) parent.appendChild(document.createComment('c'));
    else {
      const el = document.createElement(TAGS[Math.floor(rand() * TAGS.length)]!);
      const a = rand();
      if (a < 0.05) el.setAttribute('hidden', '');
      else if (a < 0.1) el.setAttribute('role', 'heading');
      else if (a < 0.13) el.setAttribute('contenteditable', a < 0.115 ? 'false' : 'true');
      else if (a < 0.3) el.setAttribute('class', 'x');
      parent.appendChild(el);
      randomTree(rand, el, depth + 1);
    }
  }
}

describe('walkBlocks', () => {
  it('reads random trees as the recursive reference does', () => {
    for (let seed = 1; seed <= 300; seed++) {
      document.body.innerHTML = '';
      randomTree(random(seed), document.body, 0);
      const got = collectBlocks(document.body).map((b) => ({ text: b.text, heading: b.heading }));
      expect(got, `seed ${seed}: ${document.body.innerHTML}`).toEqual(reference(document.body));
    }
  });

  it('keeps each block\'s text nodes and offsets', () => {
    document.body.innerHTML = '<p>Khalil <a>Hash</a><b>mi</b> said</p><h2>Title <em>here</em></h2>';
    const blocks = collectBlocks(document.body);
    expect(blocks.map((b) => b.nodes.map((n) => n.data))).toEqual([['Khalil ', 'Hash', 'mi', ' said'], ['Title ', 'here']]);
    expect(blocks[0]!.starts).toEqual([0, 7, 11, 13]);
    expect(blocks[1]!.heading).toBe(true);
  });

  it('reads a root that is itself a block, an excluded element or a text node', () => {
    document.body.innerHTML = '<div id="d">one<p>two</p></div><code id="c">x</code>';
    expect(collectBlocks(document.getElementById('d')!).map((b) => b.text)).toEqual(['one', 'two']);
    expect(collectBlocks(document.getElementById('c')!)).toEqual([]);
    expect(collectBlocks(document.getElementById('d')!.firstChild!).map((b) => b.text)).toEqual(['one']);
  });

  it('ends quietly when the page removes the node it paused on', () => {
    document.body.innerHTML = Array.from({ length: 400 }, (_, i) => `<p>para ${i} <b>bold</b></p>`).join('');
    const seen: string[] = [];
    let pauses = 0;
    for (const b of walkBlocks(document.body)) {
      if (b) seen.push(b.text);
      else if (++pauses === 1) document.body.innerHTML = '<p>new</p>';
    }
    expect(pauses).toBeGreaterThan(0);
    expect(seen.length).toBeGreaterThan(0);
    expect(seen.length).toBeLessThan(400);
  });
});
