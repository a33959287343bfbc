import type { SessionUser } from '../features/auth/session.service';

/** Hono context variables set by middleware. */
export interface AppEnv {
  Variables: {
    user?: SessionUser;
    requestId: string;
  };
}
