import { createMemberApp } from '../member-app';
import { createHttpHandler } from './lambda-http';

/** The member API: every /api/* request except the kansli's and the report's (infra/http-api.ts). */
export const handler = createHttpHandler(createMemberApp);
