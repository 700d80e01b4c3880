import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

/**
 * The relay's mark after handing a message to the queue. Only from `queued`: a sender may already
 * have claimed it (the queue is fast), and its state must not be set back.
 */
export async function markDispatched(
  client: DynamoDBDocumentClient,
  target: { TableName: string; Key: Record<string, string>; at: Date },
): Promise<void> {
  try {
    await client.send(
      new UpdateCommand({
        TableName: target.TableName,
        Key: target.Key,
        // Leaving the sparse index of queued messages: the backlog stays as short as it is.
        UpdateExpression: 'SET #status = :dispatched, dispatchedAt = :at REMOVE gsi1pk, gsi1sk',
        ConditionExpression: '#status = :queued',
        ExpressionAttributeNames: { '#status': 'status' },
        ExpressionAttributeValues: {
          ':dispatched': 'dispatched',
          ':queued': 'queued',
          ':at': target.at.toISOString(),
        },
      }),
    );
  } catch (error) {
    if (!(error instanceof ConditionalCheckFailedException)) throw error;
  }
}
