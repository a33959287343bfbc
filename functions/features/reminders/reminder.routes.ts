import { createRoute, type OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import {
  ReminderLogSchema,
  ReminderRunResultSchema,
  RemindNowResultSchema,
  RunRemindersInputSchema,
} from '../../../shared/reminders/reminder-run.schema';
import { OrganisationCodeParamSchema } from '../../../shared/schemas/organisation.schema';
import { DomainRuleError } from '../../errors/domain-errors';
import type { AppEnv } from '../../http/app-env';
import { type Access, commonErrors, errorResponse, jsonBody, jsonResponse } from '../../http/openapi-helpers';
import type { Clock } from '../../ports/clock';
import { YearParamSchema } from '../campaigns/campaign.params';
import type { CampaignService } from '../campaigns/campaign.service';
import type { RemindersService } from './reminders.service';

interface ReminderRouteDeps {
  reminders: RemindersService;
  campaigns: CampaignService;
  access: (access: Access) => MiddlewareHandler<AppEnv>;
  clock: Clock;
  /** Deployed, a real run happens now: `at` is only for dry runs. */
  deployed: boolean;
}

const RemindParamsSchema = YearParamSchema.extend(OrganisationCodeParamSchema.shape);

/** "Påminn nu" and its preview refuse alike. */
const REMIND_NOW_REFUSED = errorResponse(
  'Inskickad (organisation_submitted), befriad (organisation_excused), tar inte emot svar (campaign_not_open) eller ingen kontakt kan nås (no_reachable_contacts)',
);

/**
 * How long "run now" may send before it leaves the rest to the next scheduled run. In AWS the HTTP
 * API gives up after 30 s and the admin Lambda stops at 29 s; a run cut off there would leave sends
 * SES accepted unrecorded, to be resent after the claim lease. At 10 emails/s this is ~200 emails.
 */
export const RUN_NOW_BUDGET_MS = 20_000;

/** The kansli's reminder controls: run now (or as a dry run for any date), remind one organisation now, read the log. */
export function registerReminderRoutes(app: OpenAPIHono<AppEnv>, deps: ReminderRouteDeps): void {
  const { reminders, campaigns, access, clock, deployed } = deps;
  const admin = { 'x-access': 'admin' as const, middleware: [access('admin')] };

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/reminders/run',
      ...admin,
      summary:
        'Runs the reminders job now. The body is required and names `dryRun` (400 without it, so a missing body ' +
        'never sends). With dryRun nothing changes and the answer says who would be reminded at `at`; ' +
        'a real run with `at` (time travel) is allowed in the local stack only. A real run needs an open campaign ' +
        'that takes answers at that time; a dry run is refused only for a closed or published campaign, and on a ' +
        'draft previews what would be sent at `at` once the campaign is open. A refused run answers 422 ' +
        '`campaign_not_open_for_reminders` (details: reason, status, opensAt, closesAt) and sends and records nothing.',
      request: { params: YearParamSchema, body: jsonBody(RunRemindersInputSchema) },
      responses: {
        200: jsonResponse(ReminderRunResultSchema, 'Körningens resultat'),
        ...commonErrors,
        404: errorResponse('Kampanjen saknas'),
        422: errorResponse(
          'Kampanjen är inte öppen för påminnelser (campaign_not_open_for_reminders), tidsresa utanför provkörning i drift (time_travel_not_allowed) eller ogiltig policy (invalid_reminder_policy)',
        ),
      },
    }),
    async (c) => {
      const { year } = c.req.valid('param');
      const { dryRun, at } = c.req.valid('json');
      if (at !== undefined && !dryRun && deployed) {
        throw new DomainRuleError(
          'time_travel_not_allowed',
          'I drift kan en tidpunkt (at) bara anges för en provkörning (dryRun: true). En riktig körning sker alltid nu.',
        );
      }
      const campaign = await campaigns.get(year);
      const result = await reminders.runReminders({
        campaign,
        at: at ? new Date(at) : clock.now(),
        dryRun,
        actor: c.get('user')!.email,
        budgetMs: RUN_NOW_BUDGET_MS,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'post',
      path: '/api/admin/campaigns/{year}/responses/{code}/remind',
      ...admin,
      summary:
        "Påminn nu: emails the organisation's reachable contacts (not unsubscribed, bounced or complained) a reminder now, " +
        'outside the schedule and its send window, if it has not submitted and is not excused. Each send is recorded in ' +
        'the reminder log as step `manual-<yyyy-mm-dd>` (Stockholm date), which progress counts, and audited as ' +
        '`reminder.send`. A contact is reminded by hand at most once per Stockholm day: a repeated call that day sends ' +
        'nothing to them (409 `already_reminded` when it would send to nobody). No body.',
      request: { params: RemindParamsSchema },
      responses: {
        200: jsonResponse(
          RemindNowResultSchema,
          'Vilka som fick påminnelsen, vilka som misslyckades och vilka som hoppades över',
        ),
        ...commonErrors,
        404: errorResponse('Kampanjen eller organisationen saknas'),
        409: errorResponse('Redan påmind i dag (already_reminded)'),
        422: REMIND_NOW_REFUSED,
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const campaign = await campaigns.get(year);
      const result = await reminders.remindNow({ campaign, organisationId: code, actor: c.get('user')!.email });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/responses/{code}/remind',
      ...admin,
      summary:
        'What "Påminn nu" would do now, for its confirmation: who would get the invitation (a contact who has not had ' +
        "it for this organisation, as the scheduled run's catch-up), who a reminder, and who nothing and why (`due`, " +
        '`skipped`, `dryRun: true`). Sends, claims and records nothing; refuses as the POST does (422), but answers ' +
        'an organisation whose contacts were all emailed today with an empty `due` rather than 409.',
      request: { params: RemindParamsSchema },
      responses: {
        200: jsonResponse(RemindNowResultSchema, 'Vem som skulle få inbjudan, vem en påminnelse och vem inget'),
        ...commonErrors,
        404: errorResponse('Kampanjen eller organisationen saknas'),
        422: REMIND_NOW_REFUSED,
      },
    }),
    async (c) => {
      const { year, code } = c.req.valid('param');
      const campaign = await campaigns.get(year);
      const result = await reminders.remindNow({
        campaign,
        organisationId: code,
        actor: c.get('user')!.email,
        dryRun: true,
      });
      return c.json(result, 200);
    },
  );

  app.openapi(
    createRoute({
      method: 'get',
      path: '/api/admin/campaigns/{year}/reminders',
      ...admin,
      summary: 'The reminder log: per contact and step, when, delivery state and error.',
      request: { params: YearParamSchema },
      responses: {
        200: jsonResponse(ReminderLogSchema, 'Påminnelseloggen'),
        ...commonErrors,
        404: errorResponse('Kampanjen saknas'),
      },
    }),
    async (c) => {
      const { year } = c.req.valid('param');
      await campaigns.getCached(year);
      return c.json({ year, entries: await reminders.listLog(year) }, 200);
    },
  );
}
