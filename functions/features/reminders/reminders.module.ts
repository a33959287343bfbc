import type { OpenAPIHono } from '@hono/zod-openapi';
import type { MiddlewareHandler } from 'hono';
import type { Timers } from '../../../shared/reminders/send-pacer';
import { type AppConfig, DEFAULT_LIMITS } from '../../app-deps';
import type { AppEnv } from '../../http/app-env';
import type { Access } from '../../http/openapi-helpers';
import type { Clock } from '../../ports/clock';
import type { Mail } from '../../ports/mail';
import type { TableStore } from '../../ports/table-store';
import { AdminRepository } from '../admins/admin.repository';
import { AuditLog } from '../audit/audit.log';
import { AuthService } from '../auth/auth.service';
import { SessionService } from '../auth/session.service';
import { CampaignRepository } from '../campaigns/campaign.repository';
import type { CampaignService } from '../campaigns/campaign.service';
import { ContactRepository } from '../contacts/contact.repository';
import { OrganisationRepository } from '../organisations/organisation.repository';
import { ResponseRepository } from '../responses/response.repository';
import { registerReminderRoutes } from './reminder.routes';
import { ReminderLogRepository } from './reminder-log.repository';
import { RemindersService, type TokenIssuer } from './reminders.service';

export interface RemindersModuleDeps {
  store: TableStore;
  mail: Mail;
  clock: Clock;
  config: Pick<AppConfig, 'baseUrl' | 'sessionSecret' | 'adminEmails'>;
  log: (entry: Record<string, unknown>) => void;
  /** The app's AuthService; built here when absent (Lambda, CLI, timer). */
  tokens?: TokenIssuer;
  audit?: AuditLog;
  timers?: Timers;
  leaseMs?: number;
  /** The app's campaigns (its cache spares a read); the open campaign is read through the store without it. */
  campaigns?: Pick<CampaignService, 'getCached'>;
}

/** The reminders job from the adapters, the same in the API, the Lambda, the CLI and the local timer. */
export function createRemindersService(deps: RemindersModuleDeps): RemindersService {
  const { store, mail, clock, config } = deps;
  const tokens =
    deps.tokens ??
    new AuthService({
      store,
      mail,
      clock,
      admins: new AdminRepository(store),
      contacts: new ContactRepository(store),
      sessions: new SessionService(store, clock),
      baseUrl: config.baseUrl,
      adminEmails: config.adminEmails,
      limits: {
        perEmailPerHour: DEFAULT_LIMITS.loginLinksPerEmailPerHour,
        perIpPerHour: DEFAULT_LIMITS.loginLinksPerIpPerHour,
      },
    });
  const campaignRepository = new CampaignRepository(store);
  return new RemindersService({
    openCampaign: async () => {
      const year = await campaignRepository.openYear();
      if (year === undefined) return undefined;
      return deps.campaigns ? deps.campaigns.getCached(year) : campaignRepository.get(year);
    },
    organisations: new OrganisationRepository(store),
    responses: new ResponseRepository(store),
    reminderLog: new ReminderLogRepository(store),
    tokens,
    mail,
    clock,
    audit: deps.audit ?? new AuditLog(store, clock),
    baseUrl: config.baseUrl,
    sessionSecret: config.sessionSecret,
    log: deps.log,
    timers: deps.timers,
    leaseMs: deps.leaseMs,
  });
}

/** Registers the kansli's reminder routes (run now, dry run, the log); unsubscribe is part of the report API. */
export function registerReminders(
  app: OpenAPIHono<AppEnv>,
  deps: RemindersModuleDeps & {
    config: Pick<AppConfig, 'baseUrl' | 'sessionSecret' | 'adminEmails' | 'deployed'>;
    campaigns: CampaignService;
    access: (access: Access) => MiddlewareHandler<AppEnv>;
  },
): RemindersService {
  const reminders = createRemindersService(deps);
  registerReminderRoutes(app, {
    reminders,
    campaigns: deps.campaigns,
    access: deps.access,
    clock: deps.clock,
    deployed: deps.config.deployed,
  });
  return reminders;
}
