import type { ApiApp, AppCore } from './app-foundation';
import type { KlimatlagetService } from './features/klimatlaget/klimatlaget.service';
import { registerKlimatlagetPublicRoutes } from './features/klimatlaget/klimatlaget-public.routes';
import { createEmailStateService } from './features/reminders/email-state.service';
import { registerUnsubscribeRoutes } from './features/reminders/unsubscribe.routes';

/**
 * What is read after the survey, not while filling it in: the published Klimatläget report, a
 * member's scorecard and one-click unsubscribe. In AWS its own Lambda, so the report's schemas and
 * the unsubscribe signing key stay off a contact's autosave cold start (docs/performance.md).
 */
export function registerReportApi(app: ApiApp, core: AppCore, klimatlaget: KlimatlagetService): void {
  const { deps, log, access } = core;
  registerKlimatlagetPublicRoutes(app, { service: klimatlaget, access });
  registerUnsubscribeRoutes(app, {
    emailStates: createEmailStateService({ store: deps.store, clock: deps.clock, log }),
    access,
    secret: deps.config.sessionSecret,
    errorPages: core.errorPages,
  });
}
