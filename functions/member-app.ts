import type { AppDeps } from './app-deps';
import { createAppCore, createBaseApp, finishApp } from './app-foundation';
import { registerMemberApi } from './member-api';

/**
 * The member API alone (sign-in and the organisation's response), for the Lambda behind every
 * /api/* path not sent to the admin or report Lambda (infra/http-api.ts). It imports neither the
 * admin features nor the report, so their code and route schemas stay off a contact's cold start.
 */
export function createMemberApp(deps: AppDeps) {
  const core = createAppCore(deps);
  const app = createBaseApp(core);
  registerMemberApi(app, core);
  return finishApp(app, core);
}
