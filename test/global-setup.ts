import type { TestProject } from 'vitest/node';
import { startEmbeddedDynamoDb } from '../functions/local/embedded-dynamodb';

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}

/** One real dynalite (in memory) for the whole run; each test file makes its own table in it. */
export default async function setup(project: TestProject) {
  const db = await startEmbeddedDynamoDb();
  project.provide('dynamoEndpoint', db.endpoint);
  return async () => {
    await db.close();
  };
}
