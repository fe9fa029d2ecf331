import { describe, expect, it } from 'vitest';
// @ts-expect-error plain ESM script without type declarations
import { intFlag, markdownTable, median, ratio, seconds } from '../../bench/lib.mjs';

describe('bench helpers', () => {
  it.each([
    [[3], 3],
    [[5, 1, 3], 3],
    [[4, 1, 3, 2], 2.5],
    [[2, 2, 9], 2],
  ])('median(%j) = %d', (xs, expected) => {
    expect(median(xs)).toBe(expected);
  });

  it.each([
    [1, 4, '0.25×'],
    [12.3, 3.2, '3.84×'],
    [1, 0, '–'],
    [Number.NaN, 1, '–'],
    [1, undefined, '–'],
  ])('ratio(%d, %d) = %s', (part, whole, expected) => {
    expect(ratio(part, whole)).toBe(expected);
  });

  it('prints seconds with two decimals', () => {
    expect(seconds(1234.5)).toBe('1.23 s');
    expect(seconds(Number.NaN)).toBe('–');
  });

  it.each([
    [['--rounds', '5'], 5],
    [['generate', '--rounds=7'], 7],
    [['github'], 3],
  ])('intFlag(%j) = %d', (argv, expected) => {
    expect(intFlag(argv, 'rounds', 3)).toBe(expected);
  });

  it('rejects a rounds value that is not a positive integer', () => {
    expect(() => intFlag(['--rounds', '0'], 'rounds', 3)).toThrow('--rounds takes a positive integer, got 0');
  });

  it('aligns a Markdown table: left columns padded right, numbers right-aligned', () => {
    expect(
      markdownTable(
        [
          ['Spec', 'Tool', 'Wall'],
          ['stigg', 'apiforge', '1.00 s'],
        ],
        2,
      ),
    ).toBe(
      ['| Spec  | Tool     |   Wall |', '|-------|----------|-------:|', '| stigg | apiforge | 1.00 s |'].join('\n'),
    );
  });
});
