/** One row of the benchmark table and of bench/results.json. */
export interface BenchRow {
  /** The benchmark that produced the row (web-payload, cold-start, …). */
  benchmark: string;
  metric: string;
  /** The measurement; null when the thing measured does not exist yet. */
  value: number | null;
  unit: string;
  /** What the value is compared with, measured in the same run (or a fixed limit). */
  floor: number | null;
  /** value ÷ floor, when the budget is a ratio. */
  ratio: number | null;
  /** The budget in words, e.g. "≤ 1.15 × floor"; null for rows that only inform. */
  budget: string | null;
  /** Whether the budget holds; null when nothing is asserted (info rows, --quick timings, not available). */
  pass: boolean | null;
  status: 'ok' | 'over-budget' | 'info' | 'not-available' | 'error';
  /** Deterministic rows (bytes, request counts) are judged even in --quick. */
  deterministic?: boolean;
  note?: string;
}

export type Budget = { kind: 'ratio-max'; max: number } | { kind: 'max'; max: number } | { kind: 'min'; min: number };

export interface RowInput {
  metric: string;
  value: number;
  unit: string;
  floor?: number | null;
  budget?: Budget;
  deterministic?: boolean;
  note?: string;
}

/** Collects the rows of one benchmark; `quick` turns timing budgets into information. */
export class RowSink {
  readonly rows: BenchRow[] = [];
  constructor(
    readonly benchmark: string,
    readonly quick: boolean,
  ) {}

  /** A measured value, judged against its budget unless this is a --quick run of a timing. */
  measured(input: RowInput): BenchRow {
    const floor = input.floor ?? null;
    const ratio = floor !== null && floor > 0 ? input.value / floor : null;
    let budget: string | null = null;
    let holds: boolean | null = null;
    if (input.budget) {
      switch (input.budget.kind) {
        case 'ratio-max':
          budget = `≤ ${input.budget.max} × floor`;
          holds = ratio !== null && ratio <= input.budget.max;
          break;
        case 'max':
          budget = `≤ ${formatNumber(input.budget.max)} ${input.unit}`;
          holds = input.value <= input.budget.max;
          break;
        case 'min':
          budget = `≥ ${formatNumber(input.budget.min)} ${input.unit}`;
          holds = input.value >= input.budget.min;
          break;
      }
    }
    const judged = holds !== null && (!this.quick || input.deterministic === true);
    const row: BenchRow = {
      benchmark: this.benchmark,
      metric: input.metric,
      value: input.value,
      unit: input.unit,
      floor,
      ratio,
      budget,
      pass: judged ? holds : null,
      status: !input.budget ? 'info' : judged ? (holds ? 'ok' : 'over-budget') : 'info',
      deterministic: input.deterministic,
      note: input.note ?? (input.budget && !judged ? 'quick run: not asserted' : undefined),
    };
    this.rows.push(row);
    return row;
  }

  /** A value shown for context, with no budget. */
  info(metric: string, value: number, unit: string, note?: string): BenchRow {
    return this.measured({ metric, value, unit, note });
  }

  /** The feature is not built yet: no number, never a made-up one. */
  notAvailable(metric: string, reason: string, budget?: string): BenchRow {
    return this.withoutValue(metric, budget, {
      pass: null,
      status: 'not-available',
      note: `not available yet: ${reason}`,
    });
  }

  /** The thing exists but did not answer as expected; counts as a failed budget. */
  error(metric: string, reason: string, budget?: string): BenchRow {
    return this.withoutValue(metric, budget, { pass: false, status: 'error', note: reason });
  }

  private withoutValue(
    metric: string,
    budget: string | undefined,
    outcome: Pick<BenchRow, 'pass' | 'status' | 'note'>,
  ): BenchRow {
    const row: BenchRow = {
      benchmark: this.benchmark,
      metric,
      value: null,
      unit: '',
      floor: null,
      ratio: null,
      budget: budget ?? null,
      ...outcome,
    };
    this.rows.push(row);
    return row;
  }
}

export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const abs = Math.abs(value);
  const digits = abs >= 100 ? 0 : abs >= 10 ? 1 : abs >= 1 ? 2 : abs >= 0.01 ? 3 : 6;
  return value.toLocaleString('en-US', { maximumFractionDigits: digits, minimumFractionDigits: 0 });
}
