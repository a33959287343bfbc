import { z } from 'zod';
import { EmailSchema } from './contact.schema';

export const LoginLinkRequestSchema = z.object({ email: EmailSchema });
export const SessionRequestSchema = z.object({ token: z.string().min(1).max(200) });

/** Who is signed in, as `GET /api/me` and `POST /api/auth/session` answer. */
export const MeSchema = z.object({
  email: z.string(),
  name: z.string(),
  role: z.enum(['admin', 'member']),
  organisationId: z.string().optional(),
});
export type Me = z.infer<typeof MeSchema>;

export const SessionResponseSchema = z.object({ user: MeSchema });
