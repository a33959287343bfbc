import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { App } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { KlimatkommunernaStack } from '../../infra/klimatkommunerna-stack';

/** Context the tests synthesise with (same keys as cdk.json). */
export const TEST_CONTEXT = {
  sesFromAddress: 'medlemstest@klimatkommunerna.se',
  sesDomain: 'klimatkommunerna.se',
  adminEmails: 'kansli@klimatkommunerna.se',
  baseUrl: '',
  alarmEmail: 'drift@klimatkommunerna.se',
  domainName: '',
  certificateArn: '',
};

export interface Synthesized {
  app: App;
  stack: KlimatkommunernaStack;
  template: Template;
  /** Removes the temporary cloud assembly (and fake web/dist). */
  cleanup: () => void;
}

/**
 * One synth per test file: an App with a temporary outdir and bundling skipped
 * (`aws:cdk:bundling-stacks: []`), since Template.fromStack costs 0.3–2 s.
 */
export function synthStack(
  options: { context?: Record<string, unknown>; withWebDist?: boolean; beforeSynth?: (app: App) => void } = {},
): Synthesized {
  const dir = mkdtempSync(join(tmpdir(), 'kk-cdk-test-'));
  let webDistPath: string | undefined;
  if (options.withWebDist) {
    webDistPath = join(dir, 'web-dist');
    mkdirSync(webDistPath);
    writeFileSync(join(webDistPath, 'index.html'), '<!doctype html><title>test</title>');
  }
  const app = new App({
    outdir: join(dir, 'cdk.out'),
    context: { 'aws:cdk:bundling-stacks': [], ...TEST_CONTEXT, ...options.context },
  });
  const stack = new KlimatkommunernaStack(app, 'TestStack', { webDistPath });
  options.beforeSynth?.(app);
  const template = Template.fromStack(stack);
  return { app, stack, template, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

type Json = Record<string, unknown>;

/** All resources of one type as [logicalId, resource] pairs. */
export function resourcesOfType(template: Template, type: string): [string, Json][] {
  return Object.entries(template.findResources(type)) as [string, Json][];
}

export function props(resource: Json): Json {
  return (resource.Properties ?? {}) as Json;
}

export interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: Json;
}

/** Every IAM statement in the template: managed, inline and role-embedded policies. */
export function allPolicyStatements(template: Template): { owner: string; statement: Statement }[] {
  const out: { owner: string; statement: Statement }[] = [];
  const push = (owner: string, doc: unknown) => {
    const statements = (doc as { Statement?: Statement[] } | undefined)?.Statement ?? [];
    for (const statement of statements) out.push({ owner, statement });
  };
  for (const [id, r] of resourcesOfType(template, 'AWS::IAM::Policy')) push(id, props(r).PolicyDocument);
  for (const [id, r] of resourcesOfType(template, 'AWS::IAM::ManagedPolicy')) push(id, props(r).PolicyDocument);
  for (const [id, r] of resourcesOfType(template, 'AWS::IAM::Role')) {
    for (const p of (props(r).Policies as { PolicyDocument: unknown }[] | undefined) ?? []) push(id, p.PolicyDocument);
  }
  return out;
}

export const asArray = <T>(v: T | T[]): T[] => (Array.isArray(v) ? v : [v]);

/** Synthesised CloudFormation is untyped JSON; tests navigate it freely. */
// biome-ignore lint/suspicious/noExplicitAny: CloudFormation JSON has no static type.
export type Cfn = any;
