import type { Context as LambdaContext } from 'aws-lambda';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import { createApp } from '../app';
import { awsDeps } from '../config/aws-environment';

type Handler = ReturnType<typeof handle>;
let ready: Promise<Handler> | undefined;

/** Builds the app on the first invocation of this instance and reuses it after. */
async function build(): Promise<Handler> {
  const deps = await awsDeps();
  const app = createApp({
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
}

export async function handler(event: LambdaEvent, context: LambdaContext) {
  ready ??= build().catch((error) => {
    ready = undefined;
    throw error;
  });
  return (await ready)(event, context);
}
