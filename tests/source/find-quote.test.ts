import { describe, expect, it } from 'vitest';
import { findQuote, segmentParagraphs } from '../../lib/source/find-quote';

const TEXT = 'Title line\n\nISLAMABAD - There is immense potential for\ncollaboration,  said the   Ambassador.\n\nAnd the Ambassador left.';

describe('findQuote', () => {
  it.each<[string, string, string[]]>([
    ['verbatim', 'immense potential', ['immense potential']],
    ['across a line break, whitespace folded', 'potential for collaboration, said the Ambassador.', ['potential for\ncollaboration,  said the   Ambassador.']],
    ['quote with its own odd whitespace', '  said  the\nAmbassador ', ['said the   Ambassador']],
    ['every occurrence', 'Ambassador', ['Ambassador', 'Ambassador']],
    ['absent', 'not in the text', []],
    ['empty', '   ', []],
  ])('%s', (_name, quote, expected) => {
    expect(findQuote(TEXT, quote).map((s) => TEXT.slice(s.start, s.end))).toEqual(expected);
  });
});

describe('segmentParagraphs', () => {
  it('cuts the non-empty lines into plain and highlighted pieces', () => {
    const spans = findQuote(TEXT, 'potential for collaboration');
    const paragraphs = segmentParagraphs(TEXT, spans);
    expect(paragraphs.map((p) => p.map((s) => s.text).join(''))).toEqual([
      'Title line',
      'ISLAMABAD - There is immense potential for',
      'collaboration,  said the   Ambassador.',
      'And the Ambassador left.',
    ]);
    expect(paragraphs[1]).toEqual([{ text: 'ISLAMABAD - There is immense ' }, { text: 'potential for', span: 0 }]);
    expect(paragraphs[2]![0]).toEqual({ text: 'collaboration', span: 0 });
  });

  it('keeps the text unchanged without a highlight', () => {
    expect(segmentParagraphs('a\r\nb', [])).toEqual([[{ text: 'a' }], [{ text: 'b' }]]);
  });
});
