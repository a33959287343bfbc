import type { AppCore } from '../../app-foundation';
import { EmissionRepository } from '../emissions/emission.repository';
import { KlimatlagetService } from './klimatlaget.service';
import { ReportRepository } from './report.repository';
import { ScoreWriter } from './score.writer';

/**
 * Klimatläget's service from the app's shared core. Built by the apps that serve Klimatläget (the
 * report API and the kansli's), not by createAppCore: the member Lambda serves neither, and its
 * cold start would otherwise load the report's schemas (docs/performance.md).
 */
export function createKlimatlagetService(core: AppCore): KlimatlagetService {
  const { deps, repositories, campaigns, audit } = core;
  return new KlimatlagetService({
    campaigns,
    responses: repositories.responses,
    organisations: repositories.organisations,
    reports: new ReportRepository(deps.store),
    emissions: new EmissionRepository(deps.store),
    scores: new ScoreWriter(deps.store),
    audit,
    clock: deps.clock,
  });
}
