/**
 * A small evaluator for the subset of SurveyJS condition expressions that surveys use in
 * `visibleIf` / `requiredIf`: `{q} = 'ja'`, `{q} notempty`, `{q} contains 'x'`, `anyof [..]`,
 * comparisons, arithmetic, `and` / `or` / `!`. Its semantics follow survey-core's OperandMaker so
 * scoring and progress need not load survey-core (about 1.4 MB); a test checks parity with
 * survey-core's ConditionRunner.
 */

export type Values = Record<string, unknown>;
type Evaluate = (read: Lookup) => unknown;

/** Thrown when an expression uses syntax outside the supported subset (e.g. functions). */
export class UnsupportedExpressionError extends Error {
  constructor(
    readonly expression: string,
    detail: string,
  ) {
    super(`Unsupported survey expression "${expression}": ${detail}`);
    this.name = 'UnsupportedExpressionError';
  }
}

type Token =
  | { kind: 'num'; value: number }
  | { kind: 'str'; value: string }
  | { kind: 'var'; value: string }
  | { kind: 'op'; value: string }
  | { kind: 'word'; value: string };

const SYMBOLS = [
  '==',
  '!=',
  '<>',
  '<=',
  '>=',
  '&&',
  '||',
  '*=',
  '=',
  '<',
  '>',
  '!',
  '+',
  '-',
  '*',
  '/',
  '%',
  '(',
  ')',
  '[',
  ']',
  ',',
];

function tokenize(source: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  const fail = (detail: string): never => {
    throw new UnsupportedExpressionError(source, detail);
  };
  while (i < source.length) {
    const ch = source.charAt(i);
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '{') {
      const end = source.indexOf('}', i);
      if (end < 0) fail('unclosed {');
      tokens.push({ kind: 'var', value: source.slice(i + 1, end).trim() });
      i = end + 1;
    } else if (ch === "'" || ch === '"') {
      const end = source.indexOf(ch, i + 1);
      if (end < 0) fail('unclosed string');
      tokens.push({ kind: 'str', value: source.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9.]/.test(ch)) {
      const match = /^\d*\.?\d+(?:e[+-]?\d+)?/i.exec(source.slice(i));
      if (!match) fail(`bad number at ${i}`);
      tokens.push({ kind: 'num', value: Number(match![0]) });
      i += match![0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const word = /^[A-Za-z_][A-Za-z0-9_]*/.exec(source.slice(i))![0];
      tokens.push({ kind: 'word', value: word.toLowerCase() });
      i += word.length;
    } else {
      const symbol = SYMBOLS.find((s) => source.startsWith(s, i));
      if (!symbol) fail(`unexpected "${ch}"`);
      tokens.push({ kind: 'op', value: symbol! });
      i += symbol!.length;
    }
  }
  return tokens;
}

/** survey-core's Helpers.isValueEmpty. */
function isEmpty(value: unknown): boolean {
  if (Array.isArray(value)) return value.length === 0;
  if (typeof value === 'object' && value !== null && value.constructor === Object) {
    return Object.values(value).every(isEmpty);
  }
  return !value && value !== 0 && value !== false;
}

function isNumeric(value: unknown): boolean {
  if (value === undefined || value === null || Array.isArray(value) || typeof value === 'boolean') return false;
  if (typeof value === 'string' && value.trim() === '') return false;
  return !Number.isNaN(Number(value));
}

/** survey-core's Helpers.checkIfValuesEqual with ignoreOrder, case-insensitive and trimmed text. */
function equals(x: unknown, y: unknown): boolean {
  if (x === 'undefined') x = undefined;
  if (y === 'undefined') y = undefined;
  if (x === y) return true;
  if (Array.isArray(x) && x.length === 0 && y === undefined) return true;
  if (Array.isArray(y) && y.length === 0 && x === undefined) return true;
  if ((x === undefined || x === null) && y === '') return true;
  if ((y === undefined || y === null) && x === '') return true;
  if (typeof x === 'string' && typeof y === 'string') return x.trim().toLowerCase() === y.trim().toLowerCase();
  if (isNumeric(x) && isNumeric(y) && Number(x) === Number(y)) return true;
  if (isEmpty(x) !== isEmpty(y)) return false;
  if (typeof x === 'boolean' && typeof y === 'string') return String(x) === y.toLowerCase();
  if (typeof y === 'boolean' && typeof x === 'string') return String(y) === x.toLowerCase();
  if (Array.isArray(x) && Array.isArray(y)) {
    return x.length === y.length && x.every((a) => y.some((b) => equals(a, b)));
  }
  const xObj = typeof x === 'object' && x !== null;
  const yObj = typeof y === 'object' && y !== null;
  // biome-ignore lint/suspicious/noDoubleEquals: mirrors survey-core's loose comparison of primitives.
  if (!xObj && !yObj) return x == y;
  if (!xObj || !yObj || Array.isArray(x) || Array.isArray(y)) return false;
  const xRecord = x as Record<string, unknown>;
  const yRecord = y as Record<string, unknown>;
  const xKeys = Object.keys(xRecord);
  return (
    xKeys.length === Object.keys(yRecord).length &&
    xKeys.every((key) => key in yRecord && equals(xRecord[key], yRecord[key]))
  );
}

function containsCore(left: unknown, right: unknown, isContains: boolean): boolean {
  if (Array.isArray(left) && left.length === 0) return !isContains;
  if (!left && left !== 0 && left !== false) return false;
  let subject: unknown = left;
  if (!(subject as { length?: number }).length) subject = String(subject);
  if (typeof subject === 'string') {
    if (!right) return false;
    const found = subject.toLowerCase().includes(String(right).toLowerCase());
    return isContains ? found : !found;
  }
  if (!Array.isArray(subject)) return false;
  const wanted = Array.isArray(right) ? right : [right];
  for (const item of wanted) {
    if (!subject.some((candidate) => equals(candidate, item))) return !isContains;
  }
  return isContains;
}

function compare(left: unknown, right: unknown, op: '<' | '>'): boolean {
  if (left === null || left === undefined || right === null || right === undefined) return false;
  // biome-ignore lint/suspicious/noExplicitAny: JavaScript relational comparison, as survey-core does it.
  return op === '<' ? (left as any) < (right as any) : (left as any) > (right as any);
}

function anyOf(left: unknown, right: unknown): boolean {
  if (isEmpty(left) && isEmpty(right)) return true;
  if (isEmpty(left)) return false;
  if (isEmpty(right)) return true;
  if (!Array.isArray(left)) return containsCore(right, left, true);
  if (!Array.isArray(right)) return containsCore(left, right, true);
  return right.some((item) => containsCore(left, item, true));
}

function allOf(left: unknown, right: unknown): boolean {
  if (!left && !isEmpty(right)) return false;
  if (!Array.isArray(right)) return containsCore(left, right, true);
  return right.every((item) => containsCore(left, item, true));
}

const BINARY: Record<string, (a: unknown, b: unknown) => unknown> = {
  equal: equals,
  notequal: (a, b) => !equals(a, b),
  less: (a, b) => compare(a, b, '<'),
  greater: (a, b) => compare(a, b, '>'),
  lessorequal: (a, b) => equals(a, b) || compare(a, b, '<'),
  greaterorequal: (a, b) => equals(a, b) || compare(a, b, '>'),
  contains: (a, b) => containsCore(a, b, true),
  notcontains: (a, b) => (!a && !isEmpty(b) ? true : containsCore(a, b, false)),
  anyof: anyOf,
  noneof: (a, b) => !anyOf(a, b),
  allof: allOf,
};

const COMPARISON_ALIASES: Record<string, string> = {
  '=': 'equal',
  '==': 'equal',
  equal: 'equal',
  '!=': 'notequal',
  '<>': 'notequal',
  notequal: 'notequal',
  '<': 'less',
  less: 'less',
  '>': 'greater',
  greater: 'greater',
  '<=': 'lessorequal',
  lessorequal: 'lessorequal',
  '>=': 'greaterorequal',
  greaterorequal: 'greaterorequal',
  contains: 'contains',
  contain: 'contains',
  '*=': 'contains',
  notcontains: 'notcontains',
  notcontain: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
  noneof: 'noneof',
};

function numberOf(value: unknown): number {
  if (isEmpty(value)) return 0;
  return Number(value);
}

const ARITHMETIC: Record<string, (a: number, b: number) => number | null> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => (b ? a / b : null),
  '%': (a, b) => (b ? a % b : null),
};

/** Reads an answer by question name; the caller decides about case and hidden questions. */
export type Lookup = (name: string) => unknown;

const NUMBER_TEXT = /^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/i;

/** survey-core's Variable.getCorrectValue: "true"/"false" and numeric text in answers act as such. */
function correctValue(value: unknown): unknown {
  if (!value || typeof value !== 'string') return value;
  const lower = value.toLowerCase();
  if (lower === 'true' || lower === 'false') return lower === 'true';
  const first = value.charAt(0);
  const last = value.charAt(value.length - 1);
  if (value.length > 1 && (first === "'" || first === '"') && (last === "'" || last === '"')) return value.slice(1, -1);
  const trimmed = value.trim().replace(',', '.');
  if (!NUMBER_TEXT.test(trimmed) || trimmed.replace(/\D/g, '').length > 15) return value;
  // "007" stays text, as in survey-core (codes such as kommunkod keep their leading zero).
  if (value.charAt(0) === '0' && value.length > 1 && value.charAt(1) !== '.' && value.charAt(1) !== ',') return value;
  return Number(trimmed);
}

/** Reads `{name}` or `{name.path}` (a path into an object answer). */
function readVariable(read: Lookup, path: string): unknown {
  const direct = read(path);
  const dot = path.indexOf('.');
  if (direct !== undefined || dot < 0) return correctValue(direct);
  let value: unknown = read(path.slice(0, dot));
  for (const key of path.slice(dot + 1).split('.')) {
    value = typeof value === 'object' && value !== null ? (value as Record<string, unknown>)[key] : undefined;
  }
  return correctValue(value);
}

class Parser {
  private pos = 0;
  constructor(
    private readonly source: string,
    private readonly tokens: Token[],
  ) {}

  parse(): Evaluate {
    const result = this.or();
    if (this.pos < this.tokens.length) this.fail('unexpected trailing input');
    return result;
  }

  private fail(detail: string): never {
    throw new UnsupportedExpressionError(this.source, detail);
  }

  private peek(): Token | undefined {
    return this.tokens[this.pos];
  }

  private isOp(...values: string[]): string | undefined {
    const token = this.peek();
    if (token && (token.kind === 'op' || token.kind === 'word') && values.includes(token.value)) return token.value;
    return undefined;
  }

  private or(): Evaluate {
    let left = this.and();
    while (this.isOp('or', '||')) {
      this.pos++;
      const a = left;
      const b = this.and();
      left = (v) => a(v) || b(v);
    }
    return left;
  }

  private and(): Evaluate {
    let left = this.not();
    while (this.isOp('and', '&&')) {
      this.pos++;
      const a = left;
      const b = this.not();
      left = (v) => a(v) && b(v);
    }
    return left;
  }

  private not(): Evaluate {
    if (this.isOp('!', 'not')) {
      this.pos++;
      const inner = this.not();
      return (v) => !inner(v);
    }
    return this.comparison();
  }

  private comparison(): Evaluate {
    const left = this.additive();
    const unary = this.isOp('empty', 'notempty');
    if (unary) {
      this.pos++;
      return unary === 'empty' ? (v) => isEmpty(left(v)) : (v) => !isEmpty(left(v));
    }
    const token = this.peek();
    const name = token && (token.kind === 'op' || token.kind === 'word') ? COMPARISON_ALIASES[token.value] : undefined;
    if (!name) return left;
    this.pos++;
    const right = this.additive();
    const fn = BINARY[name]!;
    return (v) => fn(left(v), right(v));
  }

  private additive(): Evaluate {
    let left = this.multiplicative();
    for (let op = this.isOp('+', '-'); op; op = this.isOp('+', '-')) {
      this.pos++;
      left = this.arithmetic(op, left, this.multiplicative());
    }
    return left;
  }

  private multiplicative(): Evaluate {
    let left = this.unary();
    for (let op = this.isOp('*', '/', '%'); op; op = this.isOp('*', '/', '%')) {
      this.pos++;
      left = this.arithmetic(op, left, this.unary());
    }
    return left;
  }

  private arithmetic(op: string, a: Evaluate, b: Evaluate): Evaluate {
    const fn = ARITHMETIC[op]!;
    return (v) => fn(numberOf(a(v)), numberOf(b(v)));
  }

  private unary(): Evaluate {
    if (this.isOp('-')) {
      this.pos++;
      const inner = this.unary();
      return (v) => -numberOf(inner(v));
    }
    return this.primary();
  }

  private primary(): Evaluate {
    const token = this.tokens[this.pos++];
    if (!token) return this.fail('unexpected end');
    switch (token.kind) {
      case 'num':
      case 'str': {
        const value = token.value;
        return () => value;
      }
      case 'var': {
        const path = token.value;
        return (v) => readVariable(v, path);
      }
      case 'word': {
        const literals: Record<string, unknown> = { true: true, false: false, null: null, undefined: undefined };
        if (token.value in literals && this.peek()?.value !== '(') {
          const value = literals[token.value];
          return () => value;
        }
        return this.fail(`"${token.value}" (functions are not supported)`);
      }
      case 'op':
        if (token.value === '(') {
          const inner = this.or();
          if (!this.isOp(')')) this.fail('missing )');
          this.pos++;
          return inner;
        }
        if (token.value === '[') return this.array();
        return this.fail(`unexpected "${token.value}"`);
    }
  }

  private array(): Evaluate {
    const items: Evaluate[] = [];
    while (!this.isOp(']')) {
      items.push(this.or());
      if (this.isOp(',')) this.pos++;
      else if (!this.isOp(']')) this.fail('expected , or ]');
    }
    this.pos++;
    return (v) => items.map((item) => item(v));
  }
}

export type Condition = (read: Lookup) => boolean;
const cache = new Map<string, Condition>();

/**
 * Compiles a SurveyJS condition into a predicate over an answer lookup; compiled once per text.
 * @throws UnsupportedExpressionError for syntax outside the supported subset.
 */
export function compileCondition(expression: string): Condition {
  const cached = cache.get(expression);
  if (cached) return cached;
  const evaluate = new Parser(expression, tokenize(expression)).parse();
  const predicate: Condition = (read) => Boolean(evaluate(read));
  cache.set(expression, predicate);
  return predicate;
}

/**
 * Evaluates a condition against an answers object, matching names case-insensitively as SurveyJS does.
 * Convenient for one-off checks; scoring uses compiled lookups instead.
 * @throws UnsupportedExpressionError for syntax outside the supported subset.
 */
export function evaluateCondition(expression: string, values: Values): boolean {
  return compileCondition(expression)((name) => {
    if (name in values) return values[name];
    const lower = name.toLowerCase();
    const key = Object.keys(values).find((candidate) => candidate.toLowerCase() === lower);
    return key === undefined ? undefined : values[key];
  });
}
