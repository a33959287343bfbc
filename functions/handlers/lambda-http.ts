import type { Context as LambdaContext } from 'aws-lambda';
import type { Context } from 'hono';
import type { LambdaEvent } from 'hono/aws-lambda';
import { handle } from 'hono/aws-lambda';
import type { AppDeps } from '../app-deps';
import type { ApiApp } from '../app-foundation';
import { awsDeps } from '../config/aws-environment';
import { once } from '../config/once';
import { edgeClientIp } from '../http/origin-verify.middleware';

type Handler = ReturnType<typeof handle>;

/**
 * The values CloudFront's origin header may carry: ORIGIN_VERIFY_SECRET, and during a rotation
 * ORIGIN_VERIFY_SECRET_PREVIOUS. Plain environment variables that CloudFormation resolves from
 * Secrets Manager at deploy (infra/klimatkommunerna-stack.ts), so a cold start reads no secret.
 */
export function originSecretsFrom(env: NodeJS.ProcessEnv): string[] {
  return [env.ORIGIN_VERIFY_SECRET, env.ORIGIN_VERIFY_SECRET_PREVIOUS].filter((value): value is string =>
    Boolean(value),
  );
}

/** The address API Gateway saw: CloudFront's edge behind the site, the caller on a direct call. */
function sourceIp(c: Context): string {
  const event = (c.env as { event?: { requestContext?: { http?: { sourceIp?: string } } } })?.event;
  return event?.requestContext?.http?.sourceIp ?? 'unknown';
}

/**
 * A Lambda handler for an HTTP API built by `createApp`-style factories. The app is built on the
 * first invocation of an instance (adapters are never made at module scope) and reused after.
 */
export function createHttpHandler(build: (deps: AppDeps) => ApiApp) {
  const ready = once(async (): Promise<Handler> => {
    const deps = await awsDeps();
    const originSecrets = originSecretsFrom(process.env);
    const app = build({
      ...deps,
      config: { ...deps.config, originSecrets },
      // CloudFront writes the viewer address into this header, overwriting whatever a client sent;
      // believed only on requests that prove they came through CloudFront (the origin secret).
      clientIp: edgeClientIp({
        secrets: originSecrets,
        clientIpHeader: process.env.CLIENT_IP_HEADER ?? 'x-client-ip',
        fallback: sourceIp,
      }),
    });
    return handle(app);
  });
  return async function handler(event: LambdaEvent, context: LambdaContext) {
    return (await ready())(event, context);
  };
}
