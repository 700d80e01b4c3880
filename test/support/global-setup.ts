/** Starts one in-memory DynamoDB Local for the whole test run; each test file uses its own table. */
import { startDynamoDbLocal } from '../../local/dynamodb-local/process';

export default async function globalSetup(): Promise<void> {
  const database = await startDynamoDbLocal();
  process.env.DYNAMODB_ENDPOINT = database.endpoint;
  (globalThis as { __dynamoDbLocal?: { stop(): Promise<void> } }).__dynamoDbLocal = database;
}
