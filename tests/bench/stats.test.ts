// @vitest-environment node
// (scripts/bench.ts imports the e2e harness, which needs file: URLs.)
import { describe, expect, it } from 'vitest';
import { parseArgs, targetLine } from '../../scripts/bench';
import { compareMatches, rawLoop } from '../../scripts/bench/matcher';
import { fmt, fmtBytes, mbPerSecond, median, percentile, renderTable, timeRepeated } from '../../scripts/bench/stats';

describe('percentile', () => {
  it.each([
    [[1, 2, 3, 4, 5], 50, 3],
    [[5, 1, 4, 2, 3], 50, 3],
    [[1, 2, 3, 4], 50, 2.5],
    [[1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 95, 9.55],
    [[7], 95, 7],
    [[1, 100], 0, 1],
    [[1, 100], 100, 100],
  ])('%j at p%i is %d', (values, p, expected) => expect(percentile(values, p)).toBeCloseTo(expected, 10));

  it('is NaN for no values, and median is p50', () => {
    expect(percentile([], 50)).toBeNaN();
    expect(median([3, 1, 2])).toBe(2);
  });
});

describe('formatting', () => {
  it.each([
    [1234.5, '1,235'],
    [12.345, '12.3'],
    [1.2345, '1.23'],
    [3, '3'],
    [Number.NaN, '–'],
    [Number.POSITIVE_INFINITY, '∞'],
  ])('fmt(%d) is %s', (value, text) => expect(fmt(value)).toBe(text));

  it.each([
    [512, '512 B'],
    [51_100, '51.1 kB'],
    [3_600_000, '3.6 MB'],
  ])('fmtBytes(%d) is %s', (bytes, text) => expect(fmtBytes(bytes)).toBe(text));

  it('mbPerSecond counts 10^6 characters per second', () => expect(mbPerSecond(2_000_000, 500)).toBe(4));

  it('renders a Markdown table with numbers right-aligned and notes below', () => {
    const text = renderTable({ title: 'T', columns: ['name', 'ms'], rows: [['a', 1.5], ['bb', 12.25]], notes: ['why'] });
    expect(text).toBe(['### T', '', '| name |   ms |', '|------|-----:|', '| a    | 1.50 |', '| bb   | 12.3 |', '', '- why'].join('\n'));
  });

  it('prints a target line per verdict', () => {
    expect(targetLine({ id: 'x', goal: 'g', met: true, measured: 'm' })).toBe('- **MET**: g: m');
    expect(targetLine({ id: 'x', goal: 'g', met: false, measured: 'm' })).toContain('NOT MET');
    expect(targetLine({ id: 'x', goal: 'g', met: undefined, measured: 'm' })).toContain('NOT MEASURED');
  });
});

describe('bench helpers', () => {
  it('timeRepeated runs at least minRuns times and returns the last result', () => {
    let calls = 0;
    const { timing, result } = timeRepeated(() => ++calls, { minRuns: 4, minMs: 0, warmup: false });
    expect(timing.runs).toBe(4);
    expect(result).toBe(4);
    expect(timing.best).toBeLessThanOrEqual(timing.median);
  });

  it('rawLoop reads every character', () => expect(rawLoop('abc')).toBe(97 + 98 + 99));

  it('compareMatches counts spans found by both, by one, and their agreement', () => {
    const a = compareMatches('x foo bar', [[2, 5], [6, 9]], [[2, 5]]);
    expect(a).toMatchObject({ automaton: 2, regex: 1, both: 1, ratio: 0.5 });
    expect(a.examples).toEqual(['automaton only: "bar" at 6']);
    expect(compareMatches('', [], []).ratio).toBe(1);
  });

  it.each([
    [[], { quick: false, only: ['matcher', 'marking', 'store', 'footprint'] }],
    [['--quick'], { quick: true, only: ['matcher', 'marking', 'store', 'footprint'] }],
    [['--only', 'store'], { quick: false, only: ['store'] }],
    [['--only=matcher,footprint', '--quick'], { quick: true, only: ['matcher', 'footprint'] }],
  ])('parseArgs(%j)', (args, expected) => expect(parseArgs(args)).toEqual(expected));

  it('parseArgs refuses an unknown section', () => expect(() => parseArgs(['--only', 'speed'])).toThrow(/unknown section/));
});
