/**
 * Where things are in a JSON text, so the survey editor can underline a schema or scoring error at
 * the right place. A small position-recording parser for text that JSON.parse already accepted.
 */
export type JsonPath = ReadonlyArray<string | number>;

export interface JsonRange {
  from: number;
  to: number;
}

interface Node extends JsonRange {
  /** Where the key of this member starts and ends, for object members. */
  key?: JsonRange;
  children?: Map<string | number, Node>;
}

function parseTree(text: string): Node {
  let i = 0;
  const ws = () => {
    while (i < text.length && /\s/.test(text[i]!)) i++;
  };
  const string = (): JsonRange => {
    const from = i;
    i++; // opening quote
    while (i < text.length && text[i] !== '"') i += text[i] === '\\' ? 2 : 1;
    i++;
    return { from, to: i };
  };
  const value = (): Node => {
    ws();
    const from = i;
    const ch = text[i];
    if (ch === '{') {
      i++;
      const children = new Map<string | number, Node>();
      ws();
      while (text[i] !== '}' && i < text.length) {
        ws();
        const key = string();
        const name = JSON.parse(text.slice(key.from, key.to)) as string;
        ws();
        i++; // colon
        const child = value();
        children.set(name, { ...child, key });
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return { from, to: i, children };
    }
    if (ch === '[') {
      i++;
      const children = new Map<string | number, Node>();
      ws();
      let index = 0;
      while (text[i] !== ']' && i < text.length) {
        children.set(index++, value());
        ws();
        if (text[i] === ',') i++;
        ws();
      }
      i++;
      return { from, to: i, children };
    }
    if (ch === '"') return string();
    while (i < text.length && !/[\s,\]}]/.test(text[i]!)) i++;
    return { from, to: i };
  };
  return value();
}

/**
 * The range of the value at `path` (or of its key, with `key: true`), or of the deepest part of the
 * path that exists. Null when the text is not JSON.
 */
export function locate(text: string, path: JsonPath, options: { key?: boolean } = {}): JsonRange | null {
  let node: Node;
  try {
    JSON.parse(text);
    node = parseTree(text);
  } catch {
    return null;
  }
  for (const part of path) {
    const next = node.children?.get(part);
    if (!next) break;
    node = next;
  }
  if (options.key && node.key) return node.key;
  return { from: node.from, to: node.to };
}

/** The path from `root` to the object `target` (compared by identity), or null when it is not inside. */
export function pathTo(root: unknown, target: unknown, path: (string | number)[] = []): (string | number)[] | null {
  if (root === target) return path;
  if (Array.isArray(root)) {
    for (const [index, item] of root.entries()) {
      const found = pathTo(item, target, [...path, index]);
      if (found) return found;
    }
  } else if (root && typeof root === 'object') {
    for (const [key, item] of Object.entries(root)) {
      const found = pathTo(item, target, [...path, key]);
      if (found) return found;
    }
  }
  return null;
}

/** The path of the element (page, panel or question) named `name`, searching pages and nested elements. */
export function pathOfElement(survey: unknown, name: string): (string | number)[] | null {
  const walk = (node: unknown, path: (string | number)[]): (string | number)[] | null => {
    if (Array.isArray(node)) {
      for (const [index, item] of node.entries()) {
        const found = walk(item, [...path, index]);
        if (found) return found;
      }
      return null;
    }
    if (!node || typeof node !== 'object') return null;
    const record = node as Record<string, unknown>;
    if (record.name === name && path.length > 0) return path;
    for (const key of ['pages', 'elements', 'templateElements']) {
      if (record[key]) {
        const found = walk(record[key], [...path, key]);
        if (found) return found;
      }
    }
    return null;
  };
  return walk(survey, []);
}

/**
 * Where a scoring error message points: "Question M1 choice ja: …" → the choice, "Page mal maxScore"
 * → the page's maxScore, "Question M1 scoreTrue" → that property. Null when the message names nothing.
 */
export function pathOfScoringMessage(survey: unknown, message: string): (string | number)[] | null {
  const match = /(Question|Page) ([^\s:]+)(?: (choice) ([^:]+?)| (\w+))?:/.exec(message);
  if (!match) return null;
  const [, , name, choiceWord, choiceValue, property] = match;
  const element = pathOfElement(survey, name!);
  if (!element) return null;
  let target: unknown = survey;
  for (const part of element) target = (target as Record<string | number, unknown>)[part];
  if (choiceWord && Array.isArray((target as { choices?: unknown[] }).choices)) {
    const choices = (target as { choices: unknown[] }).choices;
    const index = choices.findIndex(
      (c) => String(typeof c === 'object' && c !== null ? (c as { value: unknown }).value : c) === choiceValue?.trim(),
    );
    return index >= 0 ? [...element, 'choices', index, 'score'] : [...element, 'choices'];
  }
  if (property && target && typeof target === 'object' && property in (target as object)) return [...element, property];
  return element;
}

/**
 * Where JSON text first breaks the grammar (JSON.parse's message often names no position), or -1
 * when it is valid. A small strict scanner: objects, arrays, strings with escapes, numbers, literals.
 */
export function jsonErrorPosition(text: string): number {
  let i = 0;
  class Stop extends Error {}
  const fail = (): never => {
    throw new Stop();
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i]!)) i++;
  };
  const expect = (ch: string) => {
    if (text[i] !== ch) fail();
    i++;
  };
  const string = () => {
    expect('"');
    while (i < text.length && text[i] !== '"') {
      const c = text.charCodeAt(i);
      if (c < 0x20) fail();
      if (text[i] === '\\') {
        i++;
        if (text[i] === 'u') {
          if (!/^[0-9a-fA-F]{4}$/.test(text.slice(i + 1, i + 5))) fail();
          i += 5;
        } else if ('"\\/bfnrt'.includes(text[i] ?? 'x')) i++;
        else fail();
      } else i++;
    }
    expect('"');
  };
  const value = (): void => {
    ws();
    const ch = text[i];
    if (ch === '{') {
      i++;
      ws();
      if (text[i] === '}') {
        i++;
        return;
      }
      for (;;) {
        ws();
        string();
        ws();
        expect(':');
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect('}');
        return;
      }
    }
    if (ch === '[') {
      i++;
      ws();
      if (text[i] === ']') {
        i++;
        return;
      }
      for (;;) {
        value();
        ws();
        if (text[i] === ',') {
          i++;
          continue;
        }
        expect(']');
        return;
      }
    }
    if (ch === '"') {
      string();
      return;
    }
    const literal = /^(?:true|false|null|-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?)/.exec(text.slice(i, i + 400));
    if (!literal) fail();
    i += literal![0].length;
  };
  try {
    value();
    ws();
    if (i < text.length) fail();
    return -1;
  } catch (error) {
    if (error instanceof Stop) return Math.min(i, text.length);
    throw error;
  }
}
