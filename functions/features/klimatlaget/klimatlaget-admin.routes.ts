import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { toCsv } from '../../../shared/export/csv';
import {
  PublishPreviewSchema,
  PublishResultSchema,
  RescoreResultSchema,
  ResponsesExportSchema,
  ScorePreviewInputSchema,
} from '../../../shared/klimatlaget/api.schema';
import { ReportRevisionSchema, ScorecardSchema } from '../../../shared/klimatlaget/report.schema';
import { ScoreResultSchema } from '../../../shared/scoring/score.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import { NO_STORE, OrganisationParams, RevisionParams, YearParams } from './klimatlaget.params';
import type { KlimatlagetService } from './klimatlaget.service';
import { responsesWorkbook, XLSX_CONTENT_TYPE } from './xlsx-export';

interface Deps {
  service: KlimatlagetService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

/**
 * Klimatläget for the kansli: score preview, re-scoring, publishing, revisions, scorecards and
 * exports. The public report and the member scorecard are in klimatlaget-public.routes.ts.
 */ export function registerKlimatlagetAdminRoutes(app: OpenAPIHono<AppEnv>, deps: Deps): void {
  const { service, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/score-preview',
      ...admin,
      summary: 'Scores answers against a survey being edited; a malformed scoring answers 422 with the reason.',
      request: { body: jsonBody(ScorePreviewInputSchema) },
      responses: {
        200: jsonResponse(ScoreResultSchema, 'Poängen'),
        ...commonErrors,
        422: errorResponse('Felaktig poängsättning'),
      },
    }),
    (c) => {
      const { survey, data, overrides } = c.req.valid('json');
      return c.json(service.preview(survey, data, overrides), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/rescore',
      ...admin,
      summary: "Re-scores every submitted response with the campaign's current survey and stored overrides.",
      request: { params: YearParams },
      responses: {
        200: jsonResponse(RescoreResultSchema, 'Omräknat'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Svaren ändrades under tiden'),
        422: errorResponse('Felaktig poängsättning'),
      },
    }),
    async (c) => c.json(await service.rescore(c.req.valid('param').year, c.get('user')!.email), 200),
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/publish',
      ...admin,
      summary: 'Freezes Klimatläget as the next revision (earlier ones are kept) and marks the campaign published.',
      description:
        'When the figures, rules and Utfall are those of the latest revision already (the same publish sent twice ' +
        'at once, or again with no correction since), no revision is made: 200 with `unchanged: true` and the ' +
        'latest revision.',
      request: { params: YearParams },
      responses: {
        201: jsonResponse(PublishResultSchema, 'Publicerad som en ny version'),
        200: jsonResponse(PublishResultSchema, 'Oförändrad: den senaste versionen gäller'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Någon annan ändrade samtidigt'),
        422: errorResponse('Kan inte publiceras'),
      },
    }),
    async (c) => {
      const result = await service.publish(c.req.valid('param').year, c.get('user')!.email);
      return result.unchanged ? c.json(result, 200) : c.json(result, 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/publish-preview',
      ...admin,
      summary:
        'The report a publish now would store (scores brought up to date with the survey, a correction keeping the emission figures), beside the latest published revision (null before the first). Writes nothing.',
      request: { params: YearParams },
      responses: {
        200: jsonResponse(PublishPreviewSchema, 'Förhandsvisning'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        422: errorResponse('Poängreglerna går inte att använda'),
      },
    }),
    async (c) => {
      c.header('cache-control', NO_STORE);
      return c.json(await service.publishPreview(c.req.valid('param').year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/reports/{revision}',
      ...admin,
      summary: 'One stored revision with who published it and the scoring rules it used.',
      request: { params: RevisionParams },
      responses: {
        200: jsonResponse(ReportRevisionSchema, 'Versionen'),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => {
      const { year, revision } = c.req.valid('param');
      return c.json(await service.snapshot(year, revision), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/scorecards/{code}',
      ...admin,
      summary: "Any organisation's scorecard, at any time; before publishing the network figures are live.",
      request: { params: OrganisationParams },
      responses: {
        200: jsonResponse(ScorecardSchema, 'Resultatet'),
        ...commonErrors,
        404: errorResponse('Inga inskickade svar'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      c.header('cache-control', NO_STORE);
      return c.json(await service.adminScorecard(year, code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/responses',
      ...admin,
      summary: 'Every organisation in scope with its response: status, data, score and overrides.',
      request: { params: YearParams },
      responses: { 200: jsonResponse(ResponsesExportSchema, 'Svaren'), ...commonErrors, 404: errorResponse('Saknas') },
    }),
    async (c) => {
      c.header('cache-control', NO_STORE);
      return c.json(await service.responsesExport(c.req.valid('param').year), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/export.csv',
      ...admin,
      summary: 'The responses as CSV for Swedish Excel: UTF-8 with BOM, semicolons, decimal commas.',
      request: { params: YearParams },
      responses: {
        200: { description: 'CSV', content: { 'text/csv': { schema: z.string() } } },
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => {
      const year = c.req.valid('param').year;
      const { table } = await service.exportData(year);
      return c.body(toCsv([table.header, ...table.rows]), 200, {
        'content-type': 'text/csv; charset=utf-8',
        'content-disposition': `attachment; filename="medlemstest-${year}.csv"`,
        'cache-control': NO_STORE,
      });
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/export.xlsx',
      ...admin,
      summary: 'The responses as an Excel workbook, with a second sheet of aggregates.',
      request: { params: YearParams },
      responses: {
        200: { description: 'Excel', content: { [XLSX_CONTENT_TYPE]: { schema: z.string() } } },
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => {
      const year = c.req.valid('param').year;
      const { table, report, reportSource } = await service.exportData(year);
      const body = await responsesWorkbook(table, report, reportSource);
      return c.body(body as Uint8Array<ArrayBuffer>, 200, {
        'content-type': XLSX_CONTENT_TYPE,
        'content-disposition': `attachment; filename="medlemstest-${year}.xlsx"`,
        'cache-control': NO_STORE,
      });
    },
  );
}
