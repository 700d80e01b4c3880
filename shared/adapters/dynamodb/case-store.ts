import { GetCommand, QueryCommand, UpdateCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import {
  MAX_HISTORY,
  type CaseEvent,
  type CollectionCase,
  type DeferredSend,
} from '../../domain/cases/collection-case';
import type { WorkItem } from '../../domain/cases/work-item';
import { ConflictError } from '../../domain/errors';
import type { CaseStore } from '../../ports/case-store';
import type { Clock } from '../../ports/clock';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import { commitTransaction, versionedPut, writeContextSteps, type TransactionStep } from './transaction';

const OPEN_STATUSES = ['active', 'paused'];

export class DynamoDbCaseStore implements CaseStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async current(tenantId: string, debtorId: string) {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.currentCase(tenantId, debtorId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<CollectionCase>(result.Item) : undefined;
  }

  async open(created: CollectionCase, previous: CollectionCase | undefined, context: WriteContext) {
    const table = this.tableName;
    const item = {
      ...keys.currentCase(created.tenantId, created.debtorId),
      entity: 'CollectionCase',
      ...created,
    };
    const steps: TransactionStep[] = [];
    if (previous) {
      // The closed case moves to the archive; the new one replaces it only if it is still closed.
      steps.push({
        item: {
          Put: {
            TableName: table,
            Item: {
              ...keys.archivedCase(previous.tenantId, previous.debtorId, previous.id),
              entity: 'ArchivedCase',
              ...previous,
            },
          },
        },
      });
      steps.push({
        item: {
          Put: {
            TableName: table,
            Item: item,
            ConditionExpression:
              'id = :previous AND version = :version AND NOT (#status IN (:active, :paused))',
            ExpressionAttributeNames: { '#status': 'status' },
            ExpressionAttributeValues: {
              ':previous': previous.id,
              ':version': previous.version,
              ':active': OPEN_STATUSES[0],
              ':paused': OPEN_STATUSES[1],
            },
          },
        },
        onConditionFailed: () => new ConflictError('The debtor already has an open case'),
      });
    } else {
      steps.push(
        versionedPut(table, item, 0, () => new ConflictError('The debtor already has an open case')),
      );
    }
    await commitTransaction(this.client, [...steps, ...writeContextSteps(table, context, this.clock.now())]);
  }

  async save(before: CollectionCase, after: CollectionCase, workItems: WorkItem[], context: WriteContext) {
    const table = this.tableName;
    const { waitToken: _token, ...stored } = after;
    await commitTransaction(this.client, [
      {
        // An event that arrived during the review (signals moved on) makes the review start again.
        item: {
          Put: {
            TableName: table,
            Item: {
              ...keys.currentCase(after.tenantId, after.debtorId),
              entity: 'CollectionCase',
              ...stored,
              signals: before.signals,
            },
            ConditionExpression: 'version = :version AND signals = :signals',
            ExpressionAttributeValues: { ':version': before.version, ':signals': before.signals },
          },
        },
        onConditionFailed: () => new ConcurrentChangeError(),
      },
      ...workItems.map((workItem) => ({
        item: {
          Put: {
            TableName: table,
            Item: {
              ...keys.workItem(workItem.tenantId, workItem.id),
              gsi1pk: keys.openWorkItems(workItem.tenantId),
              gsi1sk: `${workItem.dueAt}#${workItem.id}`,
              entity: 'WorkItem',
              ...workItem,
            },
          },
        },
      })),
      ...writeContextSteps(table, context, this.clock.now()),
    ]);
  }

  async deferSend(
    tenantId: string,
    debtorId: string,
    caseId: string,
    deferred: DeferredSend,
    event: CaseEvent,
    context: WriteContext,
  ) {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const current = await this.current(tenantId, debtorId);
      if (!current || current.id !== caseId || current.deferred || !OPEN_STATUSES.includes(current.status)) {
        return undefined;
      }
      const token = current.waitToken;
      try {
        await commitTransaction(this.client, [
          {
            item: {
              Update: {
                TableName: this.tableName,
                Key: keys.currentCase(tenantId, debtorId),
                // A signal and a change in one: a review in flight fails its save and starts again,
                // a parked execution's token is taken for the caller to wake.
                UpdateExpression:
                  'SET #deferred = :deferred, signals = signals + :one, version = version + :one, #history = list_append(#history, :events) REMOVE waitToken',
                ConditionExpression: `id = :case AND version = :version AND ${token ? 'waitToken = :token' : 'attribute_not_exists(waitToken)'}`,
                ExpressionAttributeNames: { '#history': 'history', '#deferred': 'deferred' },
                ExpressionAttributeValues: {
                  ':deferred': deferred,
                  ':one': 1,
                  ':events': [event],
                  ':case': caseId,
                  ':version': current.version,
                  ...(token ? { ':token': token } : {}),
                },
              },
            },
            onConditionFailed: () => new ConcurrentChangeError(),
          },
          ...writeContextSteps(this.tableName, context, this.clock.now()),
        ]);
        return token ? { token } : {};
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
      }
    }
    throw new ConcurrentChangeError();
  }

  async park(tenantId: string, debtorId: string, caseId: string, token: string, seenSignals: number) {
    try {
      await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.currentCase(tenantId, debtorId),
          UpdateExpression: 'SET waitToken = :token',
          ConditionExpression: 'id = :case AND signals = :seen',
          ExpressionAttributeValues: { ':token': token, ':case': caseId, ':seen': seenSignals },
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }

  async signal(tenantId: string, debtorId: string) {
    try {
      const result = await this.client.send(
        new UpdateCommand({
          TableName: this.tableName,
          Key: keys.currentCase(tenantId, debtorId),
          UpdateExpression: 'SET signals = signals + :one REMOVE waitToken',
          ConditionExpression: 'attribute_exists(pk)',
          ExpressionAttributeValues: { ':one': 1 },
          ReturnValues: 'ALL_OLD',
        }),
      );
      const old = stripKeys<CollectionCase>(result.Attributes ?? {});
      const { waitToken, ...collectionCase } = old;
      return {
        collectionCase: { ...collectionCase, signals: old.signals + 1 },
        ...(waitToken ? { token: waitToken } : {}),
      };
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return undefined;
      throw error;
    }
  }

  async closeOpen(
    tenantId: string,
    debtorId: string,
    close: { reason: NonNullable<CollectionCase['closeReason']>; event: CaseEvent },
    context: (before: CollectionCase, after: CollectionCase) => WriteContext,
  ) {
    for (let attempt = 1; attempt <= 5; attempt += 1) {
      const current = await this.current(tenantId, debtorId);
      if (!current || !OPEN_STATUSES.includes(current.status)) return undefined;
      const { waitToken: token, ...rest } = current;
      const closed: CollectionCase = {
        ...rest,
        status: 'closed',
        closedAt: close.event.at,
        closeReason: close.reason,
        history: [...current.history, close.event].slice(-MAX_HISTORY),
        signals: current.signals + 1,
        version: current.version + 1,
      };
      delete closed.nextActionAt;
      delete closed.currentStep;
      try {
        await commitTransaction(this.client, [
          {
            item: {
              Put: {
                TableName: this.tableName,
                Item: { ...keys.currentCase(tenantId, debtorId), entity: 'CollectionCase', ...closed },
                // The token read is the one taken: a park in between makes this fail and read again.
                ConditionExpression: `version = :version AND signals = :signals AND ${token ? 'waitToken = :token' : 'attribute_not_exists(waitToken)'}`,
                ExpressionAttributeValues: {
                  ':version': current.version,
                  ':signals': current.signals,
                  ...(token ? { ':token': token } : {}),
                },
              },
            },
            onConditionFailed: () => new ConcurrentChangeError(),
          },
          ...writeContextSteps(this.tableName, context(rest, closed), this.clock.now()),
        ]);
        return { closed, ...(token ? { token } : {}) };
      } catch (error) {
        if (!(error instanceof ConcurrentChangeError)) throw error;
      }
    }
    throw new ConcurrentChangeError();
  }

  async workItems(tenantId: string, limit: number) {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.openWorkItems(tenantId) },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => stripKeys<WorkItem>(item));
  }
}
