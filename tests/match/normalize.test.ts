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
