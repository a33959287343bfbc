import { registerAdminApi } from './admin-api';
import type { AppDeps } from './app-deps';
import { createAppCore, createBaseApp, finishApp } from './app-foundation';
import { createKlimatlagetService } from './features/klimatlaget/klimatlaget.module';
import { registerDevOutboxRoutes } from './features/outbox/dev-outbox.routes';
import { registerMemberApi } from './member-api';
import { registerReportApi } from './report-api';

export { IMPORT_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from './app-foundation';

/**
 * Builds the whole API from its adapters. The local server, the tests and the admin Lambda call
 * this (the member and report Lambdas call createMemberApp and createReportApp, subsets); nothing
 * here creates an adapter or reads the environment.
 */
export function createApp(deps: AppDeps) {
  const core = createAppCore(deps);
  const app = createBaseApp(core);
  // One service for both: the report reads what the kansli's routes publish.
  const klimatlaget = createKlimatlagetService(core);
  registerMemberApi(app, core);
  registerReportApi(app, core, klimatlaget);
  registerAdminApi(app, core, klimatlaget);
  if (!deps.config.deployed) registerDevOutboxRoutes(app, deps.store);
  return finishApp(app, core);
}

export type App = ReturnType<typeof createApp>;
