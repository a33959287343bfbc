import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { PublishedReportSchema, PublishedYearSchema, ScorecardSchema } from '../../../shared/klimatlaget/report.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonResponse } from '../../http/openapi-helpers';
import { NO_STORE, PUBLIC_CACHE, RevisionQuery, YearParams } from './klimatlaget.params';
import type { KlimatlagetService } from './klimatlaget.service';

interface Deps {
  service: KlimatlagetService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/**
 * Klimatläget for everyone: the public report (aggregates only) and the member scorecard (own
 * organisation from the session). Part of the report API; the kansli's routes are in
 * klimatlaget-admin.routes.ts.
 */
export function registerKlimatlagetPublicRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { service, access } = deps;
  const pub = { 'x-access': 'public' as const, middleware: [access('public')] };
  const member = { 'x-access': 'member' as const, middleware: [access('member')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/klimatlaget',
      ...pub,
      summary: 'The published years of Klimatläget, newest first.',
      responses: { 200: jsonResponse(z.array(PublishedYearSchema), 'Publicerade år') },
    }),
    async (c) => {
      c.header('cache-control', PUBLIC_CACHE);
      return c.json(await service.publishedYears(), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/klimatlaget/{year}',
      ...pub,
      summary:
        'Klimatläget for a year: the latest revision (or `?revision=n`); aggregates only, nothing per organisation.',
      description:
        'A figure over fewer than `minGroupSize` (3) organisations is null, with `suppressed: true` on its group; ' +
        'how many responded is always given. Older revisions are served withheld the same way.',
      request: { params: YearParams, query: RevisionQuery },
      responses: {
        200: jsonResponse(PublishedReportSchema, 'Rapporten'),
        400: errorResponse('Ogiltig indata'),
        404: errorResponse(
          'Inget medlemstest det året (no_survey), eller inte publicerat ännu eller ingen sådan version (not_published)',
        ),
      },
    }),
    async (c) => {
      const report = await service.published(c.req.valid('param').year, c.req.valid('query').revision);
      c.header('cache-control', PUBLIC_CACHE);
      return c.json(report, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/campaigns/{year}/scorecard',
      ...member,
      summary: "The caller's organisation's scorecard, once the year is published.",
      request: { params: YearParams },
      responses: {
        200: jsonResponse(ScorecardSchema, 'Resultatet'),
        ...commonErrors,
        404: errorResponse('Inte publicerat, eller inga inskickade svar'),
      },
    }),
    async (c) => {
      const scorecard = await service.memberScorecard(c.get('user')!.organisationId!, c.req.valid('param').year);
      c.header('cache-control', NO_STORE);
      return c.json(scorecard, 200);
    },
  );
}
