import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import { z } from 'zod';
import { OrganisationCodeParamSchema } from '../../../shared/schemas/organisation.schema';
import {
  NoteInputSchema,
  OverrideInputSchema,
  OverrideQuestionParamSchema,
  RemoveOverrideInputSchema,
  ResponseReviewSchema,
  ReviewedResponseSchema,
  ReviewNoteSchema,
} from '../../../shared/schemas/response.schema';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import { YearParamSchema } from '../campaigns/campaign.params';
import type { ResponseReviewService } from './response-review.service';

const ReviewParamsSchema = YearParamSchema.extend(OrganisationCodeParamSchema.shape);

interface ResponseReviewRouteDeps {
  review: ResponseReviewService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
}

const OverrideParamsSchema = ReviewParamsSchema.extend(OverrideQuestionParamSchema.shape);

/** Response review: read one organisation's response beside last year's, override points (and remove an override), leave a note. */
export function registerResponseReviewRoutes(app: OpenAPIHono<AppEnv>, deps: ResponseReviewRouteDeps): void {
  const { review, access } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/responses/{code}',
      ...admin,
      summary:
        "One organisation's response (answers, stored score with the overrides, overrides, notes; computed on read: `effectiveScore`, `computedScore` without overrides and `rescoreNeeded`), its latest earlier response for comparison, and `adjustableMax`: the most points the kansli may set per question. Each override carries the `answer` it was made on and `answerChanged` (true when the answer now differs, e.g. changed after a reopen; null for one stored before answers were recorded).",
      request: { params: ReviewParamsSchema },
      responses: { 200: jsonResponse(ResponseReviewSchema, 'Svaret'), ...commonErrors, 404: errorResponse('Saknas') },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      return c.json(await review.review(year, code), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/overrides',
      ...admin,
      summary:
        "Overrides one question's points on a submitted response, with a reason (0 to the question's maximum plus its review points, `adjustableMax`: S6 takes the point only the kansli awards). The response is re-scored and the stored `score` (what the export, scorecards and report show) includes the override; `computedScore` is the score without overrides. Also after publishing: the published report changes only with a new version. The override is stored with the question's answer as it is (`answer`); posting it again unchanged keeps one whose answer changed (`answerChanged`) on the answer now, audited as `response.override.keep` with the answer before and now (any other adjustment: `response.override`). 422 details carry `{path, code, message, messageEn}`.",
      request: { params: ReviewParamsSchema, body: jsonBody(OverrideInputSchema) },
      responses: {
        201: jsonResponse(ReviewedResponseSchema, 'Justerad'),
        ...commonErrors,
        404: errorResponse('Saknas'),
        409: errorResponse('Ändrades samtidigt'),
        422: errorResponse('Okänd fråga, för många poäng eller inte inskickat'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      return c.json(await review.override(year, code, c.req.valid('json'), c.get('user')!.email), 201);
    },
  );

  app.openapi(
    createRoute({
      method: 'delete',
      path: '/api/admin/campaigns/{year}/responses/{code}/overrides/{question}',
      ...admin,
      summary:
        "Removes a question's override (all recorded for it), so it counts its computed points again; a submitted response's stored score is re-scored in the same write. Body `{reason}` " +
        '(3–1000 characters) is required and goes to the audit entry `response.override.remove` with the points before ' +
        'and after. Also after publishing: the published report changes only with a new version.',
      request: { params: OverrideParamsSchema, body: jsonBody(RemoveOverrideInputSchema) },
      responses: {
        200: jsonResponse(ReviewedResponseSchema, 'Justeringen är borttagen'),
        ...commonErrors,
        404: errorResponse('Organisationen saknas eller frågan har ingen justering (override_not_found)'),
        409: errorResponse('Ändrades samtidigt'),
      },
    }),
    async (c) => {
      const { year, code, question } = c.req.valid('param');
      return c.json(await review.removeOverride(year, code, question, c.req.valid('json'), c.get('user')!.email), 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/note',
      ...admin,
      summary: "Leaves a note for the member: stored on the response and emailed to the organisation's contacts.",
      request: { params: ReviewParamsSchema, body: jsonBody(NoteInputSchema) },
      responses: {
        201: jsonResponse(z.object({ note: ReviewNoteSchema, response: ReviewedResponseSchema }), 'Skickad'),
        ...commonErrors,
        404: errorResponse('Saknas'),
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      return c.json(await review.note(year, code, c.req.valid('json'), c.get('user')!.email), 201);
    },
  );
}
