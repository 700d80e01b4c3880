import { GetCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { stripKeys } from './keys';

type Key = { pk: string; sk: string };

/**
 * Records that live in their debtor's partition are found by id through a pointer item
 * (id → debtor): two strongly consistent reads.
 */
export async function getThroughPointer<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  pointer: Key,
  recordKey: (debtorId: string) => Key,
): Promise<T | undefined> {
  const reference = await client.send(
    new GetCommand({ TableName: tableName, Key: pointer, ConsistentRead: true }),
  );
  const debtorId = reference.Item?.debtorId as string | undefined;
  if (!debtorId) return undefined;
  const result = await client.send(
    new GetCommand({ TableName: tableName, Key: recordKey(debtorId), ConsistentRead: true }),
  );
  return result.Item ? stripKeys<T>(result.Item) : undefined;
}
