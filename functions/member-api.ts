import type { ApiApp, AppCore } from './app-foundation';
import { EmissionRepository } from './features/emissions/emission.repository';
import { EmissionsPrefillSource } from './features/emissions/emissions-prefill';
import { registerKlimatlagetPublicRoutes } from './features/klimatlaget/klimatlaget-public.routes';
import { createEmailStateService } from './features/reminders/email-state.service';
import { registerUnsubscribeRoutes } from './features/reminders/unsubscribe.routes';
import { registerResponseRoutes } from './features/responses/response.routes';
import { ResponseService } from './features/responses/response.service';

/**
 * What members and the public use: their organisation's response (load, autosave, submit), the
 * scorecard and the published report, and one-click unsubscribe. Kept small on purpose: this is
 * the API a contact's first autosave cold-starts (docs/performance.md).
 */
export function registerMemberApi(app: ApiApp, core: AppCore): void {
  const { deps, log, repositories, campaigns, access } = core;
  const responses = new ResponseService({
    responses: repositories.responses,
    campaigns,
    clock: deps.clock,
    mail: deps.mail,
    // Emissions prefill is read on GET response only; autosave never calls it.
    prefill: deps.prefill ?? new EmissionsPrefillSource(new EmissionRepository(deps.store)),
    baseUrl: deps.config.baseUrl,
    log,
  });
  registerResponseRoutes(app, { service: responses, responses: repositories.responses, campaigns, access });
  registerKlimatlagetPublicRoutes(app, { service: core.klimatlaget, access });
  registerUnsubscribeRoutes(app, {
    emailStates: createEmailStateService({ store: deps.store, clock: deps.clock, log }),
    access,
    secret: deps.config.sessionSecret,
  });
}
