import type { ApiApp, AppCore } from './app-foundation';
import { EmissionRepository } from './features/emissions/emission.repository';
import { EmissionsPrefillSource } from './features/emissions/emissions-prefill';
import { registerResponseRoutes } from './features/responses/response.routes';
import { ResponseService } from './features/responses/response.service';

/**
 * What a contact uses while filling in the survey: their organisation's response (load, autosave,
 * submit). Kept small on purpose: this is the API a contact's first autosave cold-starts
 * (docs/performance.md); the report, scorecard and unsubscribe are in report-api.ts.
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
}
