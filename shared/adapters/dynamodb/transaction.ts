/**
 * One TransactWriteItems call for a change, its audit records and its idempotency record, so
 * they commit together or not at all. A failed condition maps to the domain error of the item
 * whose condition failed.
 */
import { TransactionCanceledException } from '@aws-sdk/client-dynamodb';
import {
  TransactWriteCommand,
  type DynamoDBDocumentClient,
  type TransactWriteCommandInput,
} from '@aws-sdk/lib-dynamodb';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import { IdempotencyRecordExists, type WriteContext } from '../../ports/write-context';
import { webhookEventsOf } from '../../domain/webhooks/webhook-event';
import { keys } from './keys';

type TransactItem = NonNullable<TransactWriteCommandInput['TransactItems']>[number];

export interface TransactionStep {
  item: TransactItem;
  /** The error to raise when this item's condition fails. */
  onConditionFailed?: () => Error;
}

const IDEMPOTENCY_TTL_SECONDS = 7 * 24 * 3600;
/** An event is relayed within seconds; it is kept a while longer to answer questions about it. */
const WEBHOOK_EVENT_TTL_SECONDS = 30 * 24 * 3600;

export function writeContextSteps(tableName: string, context: WriteContext, now: Date): TransactionStep[] {
  const steps: TransactionStep[] = context.audit.map((entry) => ({
    item: {
      Put: {
        TableName: tableName,
        Item: {
          ...keys.audit(entry.tenantId, entry.entityId, entry.at, entry.id),
          gsi1pk: keys.tenantAuditIndex(entry.tenantId),
          gsi1sk: `${entry.at}#${entry.id}`,
          entity: 'AuditEntry',
          ...entry,
        },
        // Audit records are append-only: never overwritten.
        ConditionExpression: 'attribute_not_exists(pk)',
      },
    },
  }));
  // The webhook outbox: the events of this change, stored with it or not at all (webhook-event.ts).
  for (const event of webhookEventsOf(context.audit)) {
    steps.push({
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.webhookEvent(event.tenantId, event.id),
            gsi1pk: keys.unrelayedWebhookEvents,
            gsi1sk: `${event.occurredAt}#${event.tenantId}#${event.id}`,
            entity: 'WebhookEvent',
            ...event,
            expiresAt: Math.floor(now.getTime() / 1000) + WEBHOOK_EVENT_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
    });
  }
  const idempotency = context.idempotency;
  if (idempotency) {
    const tenantId = context.audit[0]?.tenantId;
    if (!tenantId) throw new Error('An idempotent write needs an audit record to know its tenant');
    steps.push({
      item: {
        Put: {
          TableName: tableName,
          Item: {
            ...keys.idempotency(tenantId, idempotency.key),
            entity: 'IdempotencyRecord',
            key: idempotency.key,
            requestHash: idempotency.requestHash,
            routeId: idempotency.routeId,
            statusCode: idempotency.statusCode,
            body: JSON.stringify(idempotency.body),
            createdAt: now.toISOString(),
            expiresAt: Math.floor(now.getTime() / 1000) + IDEMPOTENCY_TTL_SECONDS,
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        },
      },
      onConditionFailed: () => new IdempotencyRecordExists(idempotency.key),
    });
  }
  return steps;
}

export async function commitTransaction(
  client: DynamoDBDocumentClient,
  steps: TransactionStep[],
): Promise<void> {
  try {
    await client.send(new TransactWriteCommand({ TransactItems: steps.map((step) => step.item) }));
  } catch (error) {
    if (error instanceof TransactionCanceledException) {
      const reasons = error.CancellationReasons ?? [];
      // Report the idempotency replay first: it explains every other failed condition.
      const failed = reasons
        .map((reason, index) => (reason.Code === 'ConditionalCheckFailed' ? steps[index] : undefined))
        .filter((step): step is TransactionStep => step !== undefined);
      const replay = failed.find((step) => step.onConditionFailed?.() instanceof IdempotencyRecordExists);
      const first = replay ?? failed.find((step) => step.onConditionFailed);
      if (first?.onConditionFailed) throw first.onConditionFailed();
      if (reasons.some((reason) => reason.Code === 'TransactionConflict')) throw new ConcurrentChangeError();
    }
    throw error;
  }
}

/** Put `after` only if the stored record is still at `before.version` (or absent for version 0). */
export function versionedPut(
  tableName: string,
  item: Record<string, unknown>,
  expectedVersion: number,
  onConflict: () => Error = () => new ConcurrentChangeError(),
): TransactionStep {
  return {
    item: {
      Put: {
        TableName: tableName,
        Item: item,
        ...(expectedVersion === 0
          ? { ConditionExpression: 'attribute_not_exists(pk)' }
          : {
              ConditionExpression: 'version = :expected',
              ExpressionAttributeValues: { ':expected': expectedVersion },
            }),
      },
    },
    onConditionFailed: onConflict,
  };
}
