import type { Context as LambdaContext } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import type { AppDeps } from '../app-deps';
import type { ApiApp } from '../app-foundation';
import { awsDeps } from '../config/aws-environment';
import { once } from '../config/once';

type Handler = ReturnType<typeof handle>;

/**
 * A Lambda handler for an HTTP API built by `createApp`-style factories. The app is built on the
 * first invocation of an instance (adapters are never made at module scope) and reused after.
 */
export function createHttpHandler(build: (deps: AppDeps) => ApiApp) {
  const ready = once(async (): Promise<Handler> => {
    const deps = await awsDeps();
    const app = build({
      ...deps,
      // CloudFront writes the viewer address into this header, overwriting whatever a client sent.
      clientIp: (c) => {
        const fromEdge = c.req.header(process.env.CLIENT_IP_HEADER ?? 'x-client-ip');
        if (fromEdge) return fromEdge;
        const event = (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } })?.event;
        return event?.requestContext?.http?.sourceIp ?? 'unknown';
      },
    });
    return handle(app);
  });
  return async function handler(event: LambdaEvent, context: LambdaContext) {
    return (await ready())(event, context);
  };
}
