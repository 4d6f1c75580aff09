import { describe, expect, it } from 'vitest';
import { collectBlocks, collectBlocksSliced, locate } from '../../lib/overlay/text-blocks';

function blocksOf(html: string) {
  document.body.innerHTML = html;
  return collectBlocks(document.body).map((b) => (b.heading ? `# ${b.text}` : b.text));
}

describe('collectBlocks', () => {
  it.each([
    ['inline markup joins a name', '<p>Khalil <a href="#">Hashmi</a> said</p>', ['Khalil Hashmi said']],
    ['bold inside a name', '<p>The <b>Board of</b> Investment</p>', ['The Board of Investment']],
    ['paragraphs, list items and cells are blocks', '<p>one</p><ul><li>two</li><li>three</li></ul><table><tr><td>four</td><td>five</td></tr></table>', ['one', 'two', 'three', 'four', 'five']],
    ['a line break ends a block', '<p>Sialkot<br>Karachi</p>', ['Sialkot', 'Karachi']],
    ['text beside a nested block', '<div>before <p>inside</p> after</div>', ['before ', 'inside', ' after']],
    ['headings are marked', '<h1>Imran vows</h1><p>body</p>', ['# Imran vows', 'body']],
    ['role=heading too', '<div role="heading">Title</div><p>body</p>', ['# Title', 'body']],
    ['white space only is no block', '<p>  </p><p>x</p>', ['x']],
  ])('%s', (_, html, expected) => {
    expect(blocksOf(html)).toEqual(expected);
  });

  it.each([
    ['input', '<input value="Khalil Hashmi">'],
    ['textarea', '<textarea>Khalil Hashmi</textarea>'],
    ['select', '<select><option>Khalil Hashmi</option></select>'],
    ['contenteditable', '<div contenteditable="true">Khalil Hashmi</div>'],
    ['contenteditable plaintext-only', '<div contenteditable="plaintext-only"><p>Khalil Hashmi</p></div>'],
    ['role=textbox', '<div role="textbox">Khalil Hashmi</div>'],
    ['script', '<script>var a = "Khalil Hashmi";</script>'],
    ['style', '<style>/* Khalil Hashmi */</style>'],
    ['noscript', '<noscript>Khalil Hashmi</noscript>'],
    ['template', '<template><p>Khalil Hashmi</p></template>'],
    ['code', '<p><code>Khalil Hashmi</code></p>'],
    ['pre', '<pre>Khalil Hashmi</pre>'],
    ['svg', '<svg><text>Khalil Hashmi</text></svg>'],
    ['hidden', '<p hidden>Khalil Hashmi</p>'],
    ['our own UI', '<div data-factmark-ui><p>Khalil Hashmi</p></div>'],
  ])('never reads inside %s', (_, html) => {
    expect(blocksOf(`<p>before</p>${html}<p>after</p>`)).toEqual(['before', 'after']);
  });

  it('maps block offsets back to text nodes', () => {
    document.body.innerHTML = '<p>Khalil <a href="#">Hashmi</a> said</p>';
    const [block] = collectBlocks(document.body);
    const start = locate(block!, 7, false);
    const end = locate(block!, 13, true);
    expect([start.node.data, start.offset]).toEqual(['Hashmi', 0]);
    expect([end.node.data, end.offset]).toEqual(['Hashmi', 6]);
    // An end at a node boundary stays in the earlier node.
    expect(locate(block!, 7, true)).toMatchObject({ offset: 7 });
  });

  it('reads a large page the same way when it yields to the page', async () => {
    document.body.innerHTML = Array.from({ length: 2000 }, (_, i) => `<p>Paragraph <b>${i}</b> of Sialkot.</p>`).join('');
    let pauses = 0;
    const sliced = await collectBlocksSliced(document.body, () => {
      pauses++;
      return Promise.resolve();
    });
    expect(sliced.map((b) => b.text)).toEqual(collectBlocks(document.body).map((b) => b.text));
    expect(pauses).toBeGreaterThan(5);
  });
});
