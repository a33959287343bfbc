import type { AppDeps } from './app-deps';
import { createAppCore, createBaseApp, finishApp } from './app-foundation';
import { createKlimatlagetService } from './features/klimatlaget/klimatlaget.module';
import { registerReportApi } from './report-api';

/**
 * The report API alone (Klimatläget, the scorecard, unsubscribe), for the Lambda that API Gateway
 * sends those paths to (infra/http-api.ts REPORT_API_ROUTES).
 */
export function createReportApp(deps: AppDeps) {
  const core = createAppCore(deps);
  const app = createBaseApp(core);
  registerReportApi(app, core, createKlimatlagetService(core));
  return finishApp(app, core);
}
