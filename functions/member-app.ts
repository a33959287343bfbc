import type { AppDeps } from './app-deps';
import { createAppCore, createBaseApp, finishApp } from './app-foundation';
import { registerMemberApi } from './member-api';

/**
 * The member API alone (sign-in, the response, scorecard, report, unsubscribe), for the Lambda
 * behind everything except /api/admin/* and /api/openapi.json. It imports none of the admin
 * features, so their code and route schemas stay off a contact's cold start.
 */
export function createMemberApp(deps: AppDeps) {
  const core = createAppCore(deps);
  const app = createBaseApp(core);
  registerMemberApi(app, core);
  return finishApp(app, core);
}
