import { describe, expect, it } from 'vitest';
import { labelShift, valueTicks } from '../../web/src/components/charts/chart-setup';
import type { ChartSpec } from '../../web/src/components/charts/chart-spec';

const spec = (values: number[], axis: ChartSpec['axis'], extra: Partial<ChartSpec> = {}): ChartSpec => ({
  labels: values.map(String),
  series: [{ label: 's', values, style: 'primary' }],
  axis,
  ...extra,
});

// The value axis steps by 1, 2 or 5 times a power of ten, as many ticks as the length allows.
describe('the value axis of a bar chart', () => {
  it('shares from 0 to 100 % in steps of 20 across a wide plot, of 50 across a phone', () => {
    const shares = spec([0.58, 0.6], { min: 0, max: 1 }, { horizontal: true });
    expect(valueTicks(shares, 480, true)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
    expect(valueTicks({ ...shares, compact: true }, 170, true)).toEqual([0, 0.5, 1]);
  });

  it('counts in whole numbers, up to a round number at or above the largest', () => {
    expect(valueTicks(spec([2, 8, 7, 4, 4], { integer: true }), 240, false)).toEqual([0, 2, 4, 6, 8]);
    expect(valueTicks(spec([1, 2], { integer: true }), 240, false)).toEqual([0, 1, 2]);
  });

  it('leaves room above a reference line higher than every bar', () => {
    // Its label sits above the line: at the plot's top edge it would be cut off.
    const ticks = valueTicks(spec([3.1, 3.4], { min: 0 }, { reference: { value: 4, label: 'Sverige' } }), 240, false);
    expect(ticks[0]).toBe(0);
    expect(ticks.at(-1)).toBeGreaterThanOrEqual(4 * 1.05);
  });
});

// An upright chart's category labels are centred on their bars; one wider than its band (the
// bands chart's "Inget betyg" at 390 px) must not spill past the drawing's edge and be cut off.
describe('a category label at the edge of an upright chart', () => {
  it('stays where it is when it fits, centred under its bar', () => {
    expect(labelShift(734 - 37, 74, 774)).toBe(0);
    expect(labelShift(100, 60, 348)).toBe(0);
  });

  it('moves in just enough to end a pixel inside the right edge, or start one inside the left', () => {
    // At 390 px: "Inget betyg", 75 px wide, centred at 313.5 in a drawing 348 px wide.
    expect(labelShift(313.5, 75, 348)).toBe(-4);
    expect(labelShift(20, 60, 348)).toBe(11);
  });
});
