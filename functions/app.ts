import { registerAdminApi } from './admin-api';
import type { AppDeps } from './app-deps';
import { createAppCore, createBaseApp, finishApp } from './app-foundation';
import { registerDevOutboxRoutes } from './features/outbox/dev-outbox.routes';
import { registerMemberApi } from './member-api';

export { IMPORT_BODY_LIMIT_BYTES, JSON_BODY_LIMIT_BYTES } from './app-foundation';

/**
 * Builds the whole API from its adapters. The local server, the tests and the admin Lambda call
 * this (the member Lambda calls createMemberApp, a subset); nothing here creates an adapter or
 * reads the environment.
 */
export function createApp(deps: AppDeps) {
  const core = createAppCore(deps);
  const app = createBaseApp(core);
  registerMemberApi(app, core);
  registerAdminApi(app, core);
  if (!deps.config.deployed) registerDevOutboxRoutes(app, deps.store);
  return finishApp(app, core);
}

export type App = ReturnType<typeof createApp>;
