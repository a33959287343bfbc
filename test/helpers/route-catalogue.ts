import { createApp } from '../../functions/app';
import { FixedClock } from '../../functions/ports/clock';
import type { Mail } from '../../functions/ports/mail';
import type { TableStore } from '../../functions/ports/table-store';
import { type TestConfig, testConfig } from './test-app';

/** One route as the app serves it, with what the OpenAPI document says about it. */
export interface CatalogueRoute {
  /** Upper-case HTTP method. */
  method: string;
  /** OpenAPI spelling: /api/campaigns/{year}/response. */
  path: string;
  /** `x-access`, or undefined when the route is missing from the document or lacks it. */
  access?: string;
  /** The OpenAPI operation, when documented. */
  operation?: OpenApiOperation;
}

export interface OpenApiOperation {
  'x-access'?: string;
  parameters?: Array<{ name: string; in: string; required?: boolean; schema?: JsonSchema }>;
  requestBody?: { content?: Record<string, { schema?: JsonSchema }> };
}

export type JsonSchema = Record<string, unknown> & {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  required?: string[];
  items?: JsonSchema;
  enum?: unknown[];
  const?: unknown;
  pattern?: string;
  format?: string;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  anyOf?: JsonSchema[];
  oneOf?: JsonSchema[];
  allOf?: JsonSchema[];
};

const UNSAFE = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
export const isUnsafe = (route: CatalogueRoute) => UNSAFE.has(route.method);

/** An app built on stub adapters, only to read its routes; building one touches no adapter. */
export function catalogueApp(config: Partial<TestConfig> = {}) {
  return createApp({
    store: {} as TableStore,
    mail: {} as Mail,
    clock: new FixedClock(new Date('2026-03-10T09:00:00Z')),
    config: testConfig(config),
    log: () => {},
  });
}

/**
 * Every route the app serves, from the app itself: its router (so an undocumented route is
 * still listed) merged with the OpenAPI document (for `x-access` and the schemas). A route added
 * later appears here without anyone editing a test.
 */
export function routeCatalogue(app: ReturnType<typeof createApp> = catalogueApp()): CatalogueRoute[] {
  const doc = openApiDocument(app);
  const routes = new Map<string, CatalogueRoute>();
  for (const route of app.routes) {
    // Middleware is registered as ALL on wildcard paths; it is not a route.
    if (route.method === 'ALL' && route.path.endsWith('*')) continue;
    const path = route.path.replace(/:([A-Za-z0-9_]+)(\{[^}]*\})?/g, '{$1}');
    const key = `${route.method} ${path}`;
    if (!routes.has(key)) routes.set(key, { method: route.method, path });
  }
  for (const [path, operations] of Object.entries(doc.paths ?? {})) {
    for (const [method, operation] of Object.entries(operations)) {
      const key = `${method.toUpperCase()} ${path}`;
      routes.set(key, {
        method: method.toUpperCase(),
        path,
        access: operation['x-access'],
        operation,
      });
    }
  }
  return [...routes.values()].sort((a, b) => `${a.path} ${a.method}`.localeCompare(`${b.path} ${b.method}`));
}

export function openApiDocument(app: ReturnType<typeof createApp>) {
  return app.getOpenAPI31Document({ openapi: '3.1.0', info: { title: 'catalogue', version: '1' } }) as unknown as {
    paths?: Record<string, Record<string, OpenApiOperation>>;
  };
}

/** Valid sample values for path parameters, by name: Lund's code, the 2026 campaign, a seeded contact, a question. */
export const SAMPLE_PARAMS: Record<string, string> = {
  year: '2026',
  code: '1281',
  organisationId: '1281',
  id: 'tjansteperson-1281',
  contactId: 'tjansteperson-1281',
  email: 'tjansteperson.1281@example.se',
  /** A survey question's name (an override to remove). */
  question: 'B1',
};

/** Fills a route's path parameters with sample values (or a schema-shaped guess for unknown names). */
export function samplePath(route: CatalogueRoute, values: Record<string, string> = {}): string {
  return route.path.replace(/\{([^}]+)\}/g, (_match, name: string) => {
    const value = values[name] ?? SAMPLE_PARAMS[name] ?? guessParam(route, name);
    return encodeURIComponent(value);
  });
}

function guessParam(route: CatalogueRoute, name: string): string {
  const schema = route.operation?.parameters?.find((p) => p.in === 'path' && p.name === name)?.schema;
  if (schema?.type === 'integer' || schema?.type === 'number') return String(schema.minimum ?? 2026);
  if (schema?.enum?.length) return String(schema.enum[0]);
  if (schema?.pattern && new RegExp(schema.pattern).test('1281')) return '1281';
  return 'sample-1';
}

/** The JSON body schema of an operation, if it takes one. */
export function bodySchema(route: CatalogueRoute): JsonSchema | undefined {
  const content = route.operation?.requestBody?.content ?? {};
  const json = Object.entries(content).find(([type]) => /json/i.test(type));
  return json?.[1].schema;
}

export function queryParameters(route: CatalogueRoute) {
  return (route.operation?.parameters ?? []).filter((p) => p.in === 'query');
}
