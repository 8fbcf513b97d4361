// Starts one in-memory DynamoDB Local for the whole test run; each test file creates its own table.
import type { TestProject } from 'vitest/node';
import { type DynamoDbLocal, startDynamoDbLocal } from '../../infra/local/dynamodb-local.ts';

let server: DynamoDbLocal | undefined;

export async function setup(project: TestProject): Promise<void> {
  server = await startDynamoDbLocal();
  project.provide('dynamoEndpoint', server.endpoint);
}

export async function teardown(): Promise<void> {
  await server?.stop();
}

declare module 'vitest' {
  export interface ProvidedContext {
    dynamoEndpoint: string;
  }
}
