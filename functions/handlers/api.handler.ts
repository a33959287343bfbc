import { createApp } from '../app';
import { createHttpHandler } from './lambda-http';

/** The whole API; in AWS it answers /api/admin/* and /api/openapi.json (infra/http-api.ts). */
export const handler = createHttpHandler(createApp);
