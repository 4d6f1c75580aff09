import { describe, expect, it } from 'vitest';
import { foldAlias, foldText, isUnspacedScript, isWordChar } from '../../lib/match/normalize';

describe('foldText', () => {
  it.each([
    ['case', 'KHALIL Hashmi', 'khalil hashmi'],
    ['soft hyphen inside a word', 'Ha\u00adshmi', 'hashmi'],
    ['zero-width characters', 'Ha\u200bsh\u200dmi\ufeff', 'hashmi'],
    ['curly apostrophe possessive', 'Pakistan’s Embassy', 'pakistan embassy'],
    ['straight apostrophe possessive', "Hashmi's remarks", 'hashmi remarks'],
    ['apostrophe that is not a possessive stays', "Xi'an", "xi'an"],
    ['ampersand reads as "and"', 'Belt & Road', 'belt and road'],
    ['ampersand without spaces', 'B&R', 'b and r'],
    ['hyphen as space', 'KP-BOIT', 'kp boit'],
    ['en and em dashes', 'Narowal–Sialkot — route', 'narowal sialkot route'],
    ['white space runs and line breaks', 'Khalil \n\t  Hashmi', 'khalil hashmi'],
    ['non-breaking space', 'Khalil\u00a0Hashmi', 'khalil hashmi'],
    ['diacritics', 'Türkiye Zürich café', 'turkiye zurich cafe'],
    ['compatibility forms', 'ﬁnance ＢＯＩ', 'finance boi'],
    ['curly double quotes', '“Belt and Road”', '"belt and road"'],
  ])('%s', (_, input, expected) => {
    expect(foldText(input).lower).toBe(expected);
  });

  it('keeps letter case in `cased` and the same length as `lower`', () => {
    const f = foldText('Board of Investment (BOI) & KP’s');
    expect(f.cased).toBe('Board of Investment (BOI) and KP');
    expect(f.cased.length).toBe(f.lower.length);
    expect(f.origStart.length).toBe(f.lower.length);
  });

  it('maps every folded character back to the original text', () => {
    const text = 'Ambassador Khalil Ha\u00adshmi’s visit';
    const f = foldText(text);
    const at = f.lower.indexOf('khalil hashmi');
    const start = f.origStart[at]!;
    const end = f.origEnd[at + 'khalil hashmi'.length - 1]!;
    expect(text.slice(start, end)).toBe('Khalil Ha\u00adshmi');
  });

  it('handles characters outside the BMP without splitting surrogates', () => {
    const f = foldText('𝐀BC 😀 Hashmi');
    expect(f.lower).toBe('abc 😀 hashmi');
    expect(f.origStart[f.lower.indexOf('hashmi')]).toBe('𝐀BC 😀 '.length);
  });
});

describe('foldAlias', () => {
  it('trims edge spaces and folds like text', () => {
    expect(foldAlias('  KP’s Board of Investment & Trade ')).toEqual({ lower: 'kp board of investment and trade', cased: 'KP Board of Investment and Trade' });
  });
});

describe('character classes', () => {
  it.each([
    ['a', true], ['Ж', true], ['中', true], ['٣', true], [' ', false], ['-', false], ["'", false], [undefined, false],
  ])('isWordChar(%j) is %s', (ch, expected) => {
    expect(isWordChar(ch)).toBe(expected);
  });
  it.each([
    ['中', true], ['の', true], ['カ', true], ['ก', true], ['a', false], ['ب', false],
  ])('isUnspacedScript(%j) is %s', (ch, expected) => {
    expect(isUnspacedScript(ch)).toBe(expected);
  });
});

describe('foldText offset maps (made when first read)', () => {
  it('cover the folded text one to one, in order, on text full of what folding changes', () => {
    const pieces = ['Khalil', ' ', '  ', 'Hashmi’s', '\u00ad', '&', '—', 'é', 'Ⅻ', '𝐀', '“x”', "it's", '\u200b', 'ﬁ', '\n', 'KP-BOIT', '习近平', '-', '_'];
    let seed = 7;
    for (let run = 0; run < 200; run++) {
      let text = '';
      for (let k = 0; k < 12; k++) {
        seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
        text += pieces[seed % pieces.length];
      }
      const f = foldText(text);
      expect(f.origStart.length, text).toBe(f.lower.length);
      expect(f.origEnd.length, text).toBe(f.lower.length);
      for (let i = 0; i < f.lower.length; i++) {
        expect(f.origStart[i]! < f.origEnd[i]!, `${JSON.stringify(text)} at ${i}`).toBe(true);
        if (i > 0) expect(f.origStart[i]! >= f.origStart[i - 1]!, `${JSON.stringify(text)} at ${i}`).toBe(true);
        expect(f.origEnd[i]! <= text.length).toBe(true);
      }
      // Reading the maps does not change the folded text, and a second fold in between does not disturb them.
      const again = foldText(text + ' more');
      expect(again.lower.startsWith(f.lower.trimEnd())).toBe(true);
      expect(foldText(text).origStart).toEqual(f.origStart);
    }
  });
});
