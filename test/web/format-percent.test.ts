import { describe, expect, it } from 'vitest';
import { formatPercent } from '../../web/src/lib/format';

const nbsp = '\u00a0';

describe('formatPercent', () => {
  it('writes shares the Swedish and the English way', () => {
    expect(formatPercent(0.534, 'sv')).toBe(`53${nbsp}%`);
    expect(formatPercent(0.534, 'en')).toBe('53%');
    expect(formatPercent(0.5345, 'sv', 1)).toBe(`53,5${nbsp}%`);
  });

  it('shows none and all exactly', () => {
    expect(formatPercent(0, 'sv')).toBe(`0${nbsp}%`);
    expect(formatPercent(1, 'en')).toBe('100%');
  });

  it('never rounds a share that is not all up to 100 %, nor one that is not none down to 0 %', () => {
    expect(formatPercent(299 / 300, 'sv')).toBe(`>${nbsp}99${nbsp}%`);
    expect(formatPercent(299 / 300, 'en')).toBe(`>${nbsp}99%`);
    expect(formatPercent(1 / 300, 'sv')).toBe(`<${nbsp}1${nbsp}%`);
    expect(formatPercent(0.9996, 'en', 1)).toBe(`>${nbsp}99.9%`);
  });

  it('leaves shares that round to neither end alone', () => {
    expect(formatPercent(0.994, 'en')).toBe('99%');
    expect(formatPercent(0.006, 'en')).toBe('1%');
  });
});
