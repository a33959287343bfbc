import { createReportApp } from '../report-app';
import { createHttpHandler } from './lambda-http';

/** The report API: Klimatläget, the scorecard and unsubscribe (infra/http-api.ts REPORT_API_ROUTES). */
export const handler = createHttpHandler(createReportApp);
