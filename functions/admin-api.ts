import { KANSLI_EMAIL } from '../shared/domain/kansli-contact';
import type { ApiApp, AppCore } from './app-foundation';
import { registerAdminRoutes } from './features/admins/admin.routes';
import { AdminService } from './features/admins/admin.service';
import { AdminAddresses } from './features/admins/admin-addresses';
import { registerAuditRoutes } from './features/audit/audit.routes';
import { AuditTrail } from './features/audit/audit-trail';
import { registerCampaignAdminRoutes } from './features/campaigns/campaign.routes';
import { registerContactRoutes } from './features/contacts/contact.routes';
import { ContactService } from './features/contacts/contact.service';
import { ContactImportService } from './features/contacts/contact-import';
import { EmissionRepository } from './features/emissions/emission.repository';
import { registerEmissionImports } from './features/imports/import.routes';
import type { KlimatlagetService } from './features/klimatlaget/klimatlaget.service';
import { registerKlimatlagetAdminRoutes } from './features/klimatlaget/klimatlaget-admin.routes';
import { registerOrganisationRoutes } from './features/organisations/organisation.routes';
import { OrganisationService } from './features/organisations/organisation.service';
import { registerPrivacyRoutes } from './features/privacy/privacy.routes';
import { PrivacyService } from './features/privacy/privacy.service';
import { registerProgressRoutes } from './features/progress/progress.routes';
import { ProgressService } from './features/progress/progress.service';
import { ReminderLogRepository } from './features/reminders/reminder-log.repository';
import { registerReminders } from './features/reminders/reminders.module';
import { registerResponseAdminRoutes } from './features/responses/response-admin.routes';
import { registerResponseReviewRoutes } from './features/responses/response-review.routes';
import { ResponseReviewService } from './features/responses/response-review.service';

/**
 * The kansli's API, everything under /api/admin: organisations and contacts, campaigns, progress
 * and reminders, review, imports, Klimatläget publishing, admins and the audit log. In AWS it runs
 * in its own Lambda, so none of this weighs on a member's cold start.
 */
export function registerAdminApi(app: ApiApp, core: AppCore, klimatlaget: KlimatlagetService): void {
  const { deps, log, repositories, audit, campaigns, sessions, auth, access } = core;
  const adminAddresses = new AdminAddresses(repositories.admins, deps.config.adminEmails);
  registerCampaignAdminRoutes(app, { campaigns, access });
  const reminders = registerReminders(app, { ...deps, log, tokens: auth, audit, campaigns, access });
  registerPrivacyRoutes(app, {
    privacy: new PrivacyService({
      store: deps.store,
      contacts: repositories.contacts,
      sessions,
      audit,
      clock: deps.clock,
      adminAddresses,
    }),
    access,
  });
  registerResponseAdminRoutes(app, {
    responses: repositories.responses,
    organisations: repositories.organisations,
    campaigns,
    audit,
    access,
    now: () => deps.clock.now(),
    contacts: repositories.contacts,
    mail: deps.mail,
    baseUrl: deps.config.baseUrl,
    log,
  });
  registerResponseReviewRoutes(app, {
    review: new ResponseReviewService({
      responses: repositories.responses,
      campaigns,
      audit,
      mail: deps.mail,
      clock: deps.clock,
      emissions: new EmissionRepository(deps.store),
      baseUrl: deps.config.baseUrl,
      log,
    }),
    access,
  });
  registerOrganisationRoutes(app, {
    organisations: new OrganisationService({
      organisations: repositories.organisations,
      responses: repositories.responses,
      campaigns,
      audit,
      sessions,
    }),
    access,
  });
  // Whoever loses access as a contact is told by email, naming the kansli's address for questions.
  const contactNotices = { mail: deps.mail, log, kansliAddress: KANSLI_EMAIL };
  registerContactRoutes(app, {
    contacts: new ContactService({
      contacts: repositories.contacts,
      organisations: repositories.organisations,
      sessions,
      audit,
      adminAddresses,
      clock: deps.clock,
      notices: contactNotices,
      // A contact added, moved or readdressed while a campaign is open is invited at once.
      invitations: reminders,
    }),
    imports: new ContactImportService({
      store: deps.store,
      contacts: repositories.contacts,
      organisations: repositories.organisations,
      sessions,
      audit,
      clock: deps.clock,
      adminAddresses,
      notices: contactNotices,
    }),
    access,
  });
  registerProgressRoutes(app, {
    progress: new ProgressService({
      organisations: repositories.organisations,
      responses: repositories.responses,
      reminderLog: new ReminderLogRepository(deps.store),
      campaigns,
    }),
    access,
  });
  registerAuditRoutes(app, { audit: new AuditTrail(deps.store, deps.clock), access });
  registerAdminRoutes(app, {
    admins: new AdminService({
      admins: repositories.admins,
      contacts: repositories.contacts,
      sessions,
      audit,
      clock: deps.clock,
      configAdmins: deps.config.adminEmails,
      mail: deps.mail,
      log,
      baseUrl: deps.config.baseUrl,
    }),
    access,
  });

  registerEmissionImports(app, {
    store: deps.store,
    clock: deps.clock,
    ...(deps.files ? { files: deps.files } : {}),
    deployed: deps.config.deployed,
    organisations: repositories.organisations,
    audit,
    access,
  });

  registerKlimatlagetAdminRoutes(app, { service: klimatlaget, access });
}
