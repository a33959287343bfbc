import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { OrganisationRepository } from '../../functions/features/organisations/organisation.repository';
import { ResponseRepository } from '../../functions/features/responses/response.repository';
import { readOutbox } from '../../functions/mail/outbox-mail';
import { completeKommunAnswers } from '../helpers/complete-answers';
import {
  bodySchema,
  type CatalogueRoute,
  type JsonSchema,
  queryParameters,
  routeCatalogue,
  SAMPLE_PARAMS,
} from '../helpers/route-catalogue';
import { type Caller, type SecurityWorld, securityWorld } from '../helpers/security-world';

/**
 * Property-based fuzzing of every endpoint that takes a body or a query, generated from the
 * OpenAPI document (so a route added later is fuzzed too). Every generated input breaks the
 * route's schema on purpose, dressed up with prototype-pollution keys, unicode, huge strings and
 * deep nesting. Each must answer 4xx in the error format, never 5xx, and write nothing.
 */
const RUNS_PER_ENDPOINT = Number(process.env.FUZZ_RUNS ?? 200);
const TARGETS = routeCatalogue().filter(
  (r) =>
    r.path.startsWith('/api/') &&
    r.access !== undefined &&
    r.access !== 'dev' &&
    (bodySchema(r) !== undefined || queryParameters(r).length > 0),
);
const key = (route: CatalogueRoute) => `${route.method} ${route.path}`;

/** Whether the route documents an HTML answer (a page for browsers) beside JSON. */
function answersPages(route: CatalogueRoute): boolean {
  const responses = (route.operation as { responses?: Record<string, { content?: Record<string, unknown> }> })
    ?.responses;
  return Object.values(responses ?? {}).some((response) => 'text/html' in (response.content ?? {}));
}

const CALLER_FOR: Record<string, Caller> = {
  public: 'anonymous',
  'signed-in': 'memberA',
  member: 'memberA',
  admin: 'admin',
};

interface FuzzRequest {
  kind: string;
  query: string;
  contentType?: string;
  body?: string;
}

// ---- values that break a schema --------------------------------------------------------------

const unicode = fc.string({ unit: 'grapheme', minLength: 1, maxLength: 40 });
const nasty = fc.constantFrom(
  '<script>alert(1)</script>',
  '=HYPERLINK("http://evil.example")',
  '\u0000\u202e\ud83d\udca5',
  "'; DROP TABLE x; --",
  '../../etc/passwd',
  '{{7*7}}',
);
const hugeString = fc.integer({ min: 5_000, max: 70_000 }).map((n) => 'å'.repeat(n));
const deepNesting = fc.tuple(fc.integer({ min: 20, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let value: unknown = 'botten';
  for (let i = 0; i < depth; i++) value = arrays ? [value] : { n: value };
  return value;
});
const deepArrays = fc.integer({ min: 20, max: 3000 }).map((depth) => {
  let value: unknown = 'botten';
  for (let i = 0; i < depth; i++) value = [value];
  return value;
});
const pollution = fc.constantFrom<Array<[string, unknown]>>(
  [['__proto__', { polluted: 'ja', isAdmin: true }]],
  [['constructor', { prototype: { polluted: 'ja' } }]],
  [['prototype', { polluted: 'ja' }]],
  [
    ['__proto__', { role: 'admin' }],
    ['constructor', { name: 'x' }],
  ],
);

function typesOf(schema: JsonSchema | undefined): Set<string> {
  const types = new Set<string>();
  if (!schema) return types;
  if (typeof schema.type === 'string') types.add(schema.type);
  if (Array.isArray(schema.type)) for (const t of schema.type) types.add(t);
  for (const sub of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) {
    for (const t of typesOf(sub)) types.add(t);
  }
  if (schema.enum || schema.const !== undefined) types.add('enum');
  if (types.has('integer')) types.add('number');
  return types;
}

/** A value that no schema of these types accepts (safe under zod's coercion, too), or undefined. */
function wrongValue(schema: JsonSchema | undefined): fc.Arbitrary<unknown> | undefined {
  const types = typesOf(schema);
  if (types.size === 0) return undefined; // unknown/any: nothing is wrong for it
  const options: Array<fc.Arbitrary<unknown>> = [];
  if (!types.has('object') && !types.has('array')) options.push(deepNesting, fc.constant({ '€': [1, 2] }));
  if (!types.has('array') && types.has('object')) options.push(fc.array(unicode, { maxLength: 3 }));
  if (!types.has('string') && !types.has('enum')) options.push(unicode, hugeString, nasty);
  if (!types.has('number') && !types.has('boolean') && !types.has('enum') && !types.has('string')) {
    options.push(fc.integer(), fc.double());
  }
  if (types.has('enum') && !types.has('string')) options.push(unicode, nasty);
  if (types.has('enum') && types.has('string') && schema?.enum) {
    const allowed = new Set(schema.enum.map(String));
    options.push(unicode.filter((s) => !allowed.has(s)));
  }
  if (types.has('string') && !types.has('enum')) {
    const tooLong = overMaxLength(schema);
    if (tooLong) options.push(tooLong);
    if (!types.has('number') && !types.has('boolean')) options.push(fc.constant({ a: 1 }), fc.constant([['x']]));
    const malformed = wrongFormat(schema);
    if (malformed) options.push(malformed);
  }
  if (types.has('number') && !types.has('string')) {
    options.push(fc.constant('inte ett tal'), fc.constant({}));
    if (types.has('integer') || schema?.type === 'integer') options.push(fc.constant(1.5));
    if (typeof schema?.minimum === 'number') options.push(fc.constant(schema.minimum - 1));
    if (typeof schema?.maximum === 'number') options.push(fc.constant(schema.maximum + 1));
  }
  return options.length ? fc.oneof(...options) : undefined;
}

/**
 * Strings of the right type in the wrong shape, for a string with a `format` or `pattern`: a
 * schema may check the shape and still run a conversion on the value (a 500 once: an `Instant`
 * given "tomorrow").
 */
const MALFORMED = ['', 'tomorrow', '31/01/2027 12:00', '2027-02-30T10:00:00+01:00', 'x@', '0000-0000'];
function wrongFormat(schema: JsonSchema | undefined): fc.Arbitrary<string> | undefined {
  if (!schema?.format && !schema?.pattern) return undefined;
  const pattern = schema.pattern ? new RegExp(schema.pattern, 'u') : undefined;
  const wrong = MALFORMED.filter((s) => !pattern?.test(s));
  return wrong.length ? fc.constantFrom(...wrong) : undefined;
}

/** A string that a query or path parameter with this schema refuses, or undefined when all strings fit. */
function wrongParam(schema: JsonSchema | undefined): fc.Arbitrary<string> | undefined {
  const types = typesOf(schema);
  if (schema?.enum) {
    const allowed = new Set(schema.enum.map(String));
    return fc.oneof(unicode, nasty).filter((s) => !allowed.has(s));
  }
  if (types.has('number')) return fc.constantFrom('abc', '1.5e', 'NaN', '--1', '😀', '9'.repeat(400));
  if (schema?.pattern) {
    const pattern = new RegExp(schema.pattern);
    const misfits = ['<script>', '😀 x', '../..', ' ', 'a'.repeat(300)].filter((s) => !pattern.test(s));
    // Only generators that cannot loop forever: a pattern that accepts anything gets none.
    if (misfits.length > 0) return fc.constantFrom(...misfits);
  }
  return overMaxLength(schema);
}

/** A string just over the schema's maxLength (generated at that length, never by filtering). */
function overMaxLength(schema: JsonSchema | undefined): fc.Arbitrary<string> | undefined {
  const max = schema?.maxLength;
  // Limits near 1 MB are the body limit's job (413), proven in abuse-limits.
  if (typeof max !== 'number' || max > 100_000) return undefined;
  return fc.integer({ min: max + 1, max: max + 5_000 }).map((n) => 'ö'.repeat(n));
}

function serialise(entries: Array<[string, unknown]>): string {
  // Built as text so that `__proto__` becomes a real key, as it would arrive over the wire.
  return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
}

/** Malformed requests for one route; each breaks the schema in at least one place. */
function malformed(route: CatalogueRoute): fc.Arbitrary<FuzzRequest> {
  const schema = bodySchema(route);
  const kinds: Array<fc.Arbitrary<FuzzRequest>> = [];
  const noise = fc.array(
    fc.oneof(
      pollution,
      fc.tuple(unicode, fc.oneof(hugeString, deepNesting, nasty)).map((e) => [e] as Array<[string, unknown]>),
    ),
    { maxLength: 3 },
  );

  if (schema) {
    const json = 'application/json';
    if (typesOf(schema).has('object')) {
      const notAnObject = fc.oneof(
        fc.integer(),
        unicode,
        fc.constant(null),
        fc.boolean(),
        fc.array(fc.anything(), { maxLength: 5 }),
        deepArrays,
      );
      kinds.push(
        notAnObject.map((value) => ({
          kind: 'wrong top-level type',
          query: '',
          contentType: json,
          body: JSON.stringify(value),
        })),
      );
    }
    kinds.push(
      fc
        .json()
        .map((text) => ({ kind: 'truncated json', query: '', contentType: json, body: text.slice(0, -1) || '{' })),
      fc.oneof(unicode, nasty).map((text) => ({ kind: 'not json', query: '', contentType: json, body: `{${text}` })),
      fc
        .tuple(fc.constantFrom('text/plain', 'application/xml', 'text/html; charset=utf-8'), fc.json())
        .map(([contentType, body]) => ({ kind: 'wrong content type', query: '', contentType, body })),
    );
    const properties = Object.entries(schema.properties ?? {});
    const violations = properties
      .map(([name, propertySchema]) => [name, wrongValue(propertySchema)] as const)
      .filter((entry): entry is readonly [string, fc.Arbitrary<unknown>] => entry[1] !== undefined);
    if (violations.length > 0) {
      kinds.push(
        fc
          .tuple(
            fc.oneof(...violations.map(([name, value]) => value.map((v) => [name, v] as [string, unknown]))),
            noise,
          )
          .map(([violation, extra]) => ({
            kind: `wrong value for ${violation[0]}`,
            query: '',
            contentType: json,
            body: serialise([...extra.flat(), violation]),
          })),
      );
    }
    for (const required of schema.required ?? []) {
      kinds.push(
        noise.map((extra) => ({
          kind: `missing ${required}`,
          query: '',
          contentType: json,
          body: serialise([
            ...properties
              .filter(([n]) => n !== required)
              .map(([n]) => [n, SAMPLE_PARAMS[n] ?? null] as [string, unknown]),
            ...extra.flat(),
          ]).replace(/,?"[^"]+":null/g, ''),
        })),
      );
    }
  }

  for (const parameter of queryParameters(route)) {
    const wrong = wrongParam(parameter.schema);
    if (!wrong) continue;
    kinds.push(
      wrong.map((value) => ({
        kind: `query ${parameter.name}`,
        query: `?${encodeURIComponent(parameter.name)}=${encodeURIComponent(value)}&__proto__[polluted]=ja`,
        contentType: schema ? 'application/json' : undefined,
        body: schema ? '[]' : undefined,
      })),
    );
  }
  return fc.oneof(...kinds);
}

function pathOf(route: CatalogueRoute): string {
  return route.path.replace(/\{([^}]+)\}/g, (_m, name: string) => SAMPLE_PARAMS[name] ?? 'sample-1');
}

/** Records every write the app sends to DynamoDB, by key. */
function recordWrites(world: SecurityWorld): string[] {
  const writes: string[] = [];
  world.ctx.clients.doc.middlewareStack.add(
    (next, context) => async (args) => {
      if (/^(Put|Update|Delete)Item|BatchWriteItem/.test(String(context.commandName))) {
        const input = args.input as { Key?: { pk?: string }; Item?: { pk?: string } };
        writes.push(`${context.commandName} ${input.Key?.pk ?? input.Item?.pk ?? 'batch'}`);
      }
      return next(args);
    },
    { step: 'initialize', name: `recordWrites${Math.random()}` },
  );
  return writes;
}

describe('fuzzing every endpoint that takes a body or a query', () => {
  let world: SecurityWorld;
  let writes: string[];
  beforeAll(async () => {
    world = await securityWorld();
    writes = recordWrites(world);
  });

  it('finds the endpoints from the OpenAPI document', () => {
    expect(TARGETS.map(key)).toEqual(
      expect.arrayContaining(['PUT /api/campaigns/{year}/response', 'POST /api/auth/login-link']),
    );
  });

  it.for(TARGETS.map((r) => [key(r), r] as const))(
    `%s: ${RUNS_PER_ENDPOINT} malformed inputs, each 4xx in the error format, none stored`,
    { timeout: 120_000 },
    async ([, route]) => {
      const caller = CALLER_FOR[route.access ?? ''] ?? 'anonymous';
      const cookie = world.cookies[caller];
      writes.splice(0);
      const seen = new Map<string, number>();
      await fc.assert(
        fc.asyncProperty(malformed(route), async (request) => {
          seen.set(request.kind, (seen.get(request.kind) ?? 0) + 1);
          const headers: Record<string, string> = {};
          if (cookie) headers.cookie = cookie;
          if (request.contentType) headers['content-type'] = request.contentType;
          const res = await world.ctx.app.request(`${pathOf(route)}${request.query}`, {
            method: route.method,
            headers,
            body: request.body,
          });
          const text = await res.text();
          const label = `${request.kind} → ${res.status} ${text.slice(0, 200)}`;
          expect(res.status, label).toBeGreaterThanOrEqual(400);
          expect(res.status, label).toBeLessThan(500);
          expect(text, label).not.toMatch(/\bat .+:\d+:\d+|node_modules/);
          // A route that answers browsers with a page (unsubscribe) answers a request that does not
          // ask for JSON with its error page; every other answer is the API's error format.
          if ((res.headers.get('content-type') ?? '').startsWith('text/html')) {
            expect(answersPages(route), label).toBe(true);
            expect(text, label).toMatch(/<h1>(Det gick inte|That did not work)<\/h1>/);
            return;
          }
          const body = JSON.parse(text);
          expect(typeof body.error?.code, label).toBe('string');
          expect(typeof body.error?.message, label).toBe('string');
        }),
        { numRuns: RUNS_PER_ENDPOINT, endOnFailure: true },
      );
      // Rejected input writes nothing. (A valid login-link request counts attempts in RATE#
      // counters before anything else, by design; no generated input here is valid, so even
      // those must not appear — they are only excluded should a future route count first.)
      expect(writes.filter((w) => !w.includes(' RATE#'))).toEqual([]);
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
      expect(Object.prototype).not.toHaveProperty('isAdmin');
      expect([...seen.values()].reduce((a, b) => a + b, 0)).toBe(RUNS_PER_ENDPOINT);
    },
  );
});

describe('hostile text is stored as data and rendered escaped', () => {
  const SCRIPT = '<script>alert("x")</script>';
  const FORMULA = '=HYPERLINK("http://evil.example","klicka")';

  it('stores a <script> answer verbatim and escapes it (and the organisation name) in the receipt email', async () => {
    const world = await securityWorld();
    const { ctx, cookies } = world;
    const organisations = new OrganisationRepository(ctx.store);
    const lund = await organisations.get('1281');
    await organisations.replace({ ...lund!, name: `${FORMULA}<img src=x onerror=alert(1)>` });
    const answers = { ...completeKommunAnswers(), respondent_name: SCRIPT };
    const headers = { 'content-type': 'application/json', cookie: cookies.memberA ?? '' };
    const saved = await ctx.app.request('/api/campaigns/2026/response', {
      method: 'PUT',
      headers,
      body: JSON.stringify({ data: answers, version: 1 }),
    });
    expect(saved.status).toBe(200);
    const submitted = await ctx.app.request('/api/campaigns/2026/response/submit', {
      method: 'POST',
      headers,
      body: JSON.stringify({ version: 2 }),
    });
    expect(submitted.status).toBe(200);
    expect((await new ResponseRepository(ctx.store).get(2026, '1281'))?.data.respondent_name).toBe(SCRIPT);
    const receipts = (await readOutbox(ctx.store)).filter((m) => m.kind === 'receipt');
    expect(receipts.length).toBeGreaterThan(0);
    for (const receipt of receipts) {
      expect(receipt.html).not.toContain('<script');
      expect(receipt.html).not.toContain('<img');
      expect(receipt.html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    }
    const any = receipts.map((r) => r.html).join('');
    if (any.includes('alert(&quot;x&quot;)')) expect(any).toContain('&lt;script&gt;');
  });

  const csvRoute = routeCatalogue().find((r) => r.method === 'GET' && r.path.endsWith('/export.csv'));
  it.skipIf(!csvRoute)('neutralises organisation names starting with = in the CSV export', async () => {
    const world = await securityWorld();
    const { ctx, cookies } = world;
    const organisations = new OrganisationRepository(ctx.store);
    for (const code of ['1281', '1280']) {
      const organisation = await organisations.get(code);
      await organisations.replace({ ...organisation!, name: code === '1281' ? FORMULA : '+SUM(A1:A2)' });
    }
    const res = await ctx.app.request(pathOf(csvRoute!), { headers: { cookie: cookies.admin ?? '' } });
    expect(res.status).toBe(200);
    const csv = await res.text();
    const cells = csv
      .split(/\r?\n/)
      .flatMap((line) => line.split(';'))
      .map((c) => c.replace(/^"|"$/g, ''));
    expect(cells.some((c) => c.includes('HYPERLINK'))).toBe(true);
    for (const cell of cells) expect(cell, cell).not.toMatch(/^[=+@\t\r]/);
  });
});
