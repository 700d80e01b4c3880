import { ConditionalCheckFailedException } from '@aws-sdk/client-dynamodb';
import { GetCommand, PutCommand, QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Connection } from '../../domain/connectors/connection';
import type { ConnectorProvider } from '../../domain/connectors/source-records';
import { ConflictError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { ConnectionStore } from '../../ports/connection-store';
import type { WriteContext } from '../../ports/write-context';
import { keys, stripKeys } from './keys';
import { queryAll } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/**
 * Connections in the tenant's `CONNECTIONS` partition; an active one also sits in the sparse
 * gsi1 of active connections the schedule reads. Applied marks in the connection's own partition.
 */
export class DynamoDbConnectionStore implements ConnectionStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async get(tenantId: string, connectionId: string): Promise<Connection | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.connection(tenantId, connectionId),
        ConsistentRead: true,
      }),
    );
    return result.Item ? stripKeys<Connection>(result.Item) : undefined;
  }

  async list(tenantId: string): Promise<Connection[]> {
    const items = await queryAll(this.client, {
      TableName: this.tableName,
      KeyConditionExpression: 'pk = :pk',
      ExpressionAttributeValues: { ':pk': keys.connectionsPartition(tenantId) },
      ConsistentRead: true,
    });
    return items.map((item) => stripKeys<Connection>(item));
  }

  async active(limit: number, after?: string) {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi1',
        KeyConditionExpression: after ? 'gsi1pk = :pk AND gsi1sk > :after' : 'gsi1pk = :pk',
        ExpressionAttributeValues: { ':pk': keys.activeConnections, ...(after ? { ':after': after } : {}) },
        ProjectionExpression: 'tenantId, id, gsi1sk',
        Limit: limit,
      }),
    );
    const items = (result.Items ?? []).map((item) => ({
      tenantId: String(item.tenantId),
      connectionId: String(item.id),
    }));
    const last = result.Items?.at(-1);
    return { items, ...(result.LastEvaluatedKey && last ? { next: String(last.gsi1sk) } : {}) };
  }

  private item(connection: Connection) {
    return {
      ...keys.connection(connection.tenantId, connection.id),
      ...(connection.status === 'active'
        ? { gsi1pk: keys.activeConnections, gsi1sk: `${connection.tenantId}#${connection.id}` }
        : {}),
      entity: 'Connection',
      ...connection,
    };
  }

  async create(connection: Connection, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(connection),
        0,
        () => new ConflictError(`Connection ${connection.id} exists`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async save(before: Connection, after: Connection, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(after),
        before.version,
        () => new ConflictError('The connection was changed by someone else'),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async saveAuthorized(
    before: Connection,
    after: Connection,
    context: WriteContext,
    bindOrganisation: boolean,
  ): Promise<void> {
    const organisationId = after.organisationId;
    if (bindOrganisation && !organisationId) throw new Error('Only an organisation can be bound');
    const now = this.clock.now();
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        this.item(after),
        before.version,
        () => new ConflictError('The connection was changed by someone else'),
      ),
      ...(bindOrganisation
        ? [
            {
              item: {
                Put: {
                  TableName: this.tableName,
                  Item: {
                    ...keys.connectorOrganisation(after.tenantId, after.provider),
                    entity: 'ConnectorOrganisation',
                    tenantId: after.tenantId,
                    provider: after.provider,
                    organisationId,
                    connectionId: after.id,
                    boundAt: now.toISOString(),
                  },
                  // The first binding stays: only the same organisation passes.
                  ConditionExpression: 'attribute_not_exists(pk) OR organisationId = :organisation',
                  ExpressionAttributeValues: { ':organisation': organisationId },
                },
              },
              onConditionFailed: () =>
                new ConflictError('Records of another organisation of this provider are bound to the tenant'),
            },
          ]
        : []),
      ...writeContextSteps(this.tableName, context, now),
    ]);
  }

  async boundOrganisation(tenantId: string, provider: ConnectorProvider): Promise<string | undefined> {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.connectorOrganisation(tenantId, provider),
        ConsistentRead: true,
      }),
    );
    return result.Item ? String(result.Item.organisationId) : undefined;
  }

  async remove(connection: Connection, context: WriteContext): Promise<void> {
    await commitTransaction(this.client, [
      {
        item: {
          Delete: {
            TableName: this.tableName,
            Key: keys.connection(connection.tenantId, connection.id),
            ConditionExpression: 'version = :version',
            ExpressionAttributeValues: { ':version': connection.version },
          },
        },
        onConditionFailed: () => new ConflictError('The connection was changed by someone else'),
      },
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async applied(tenantId: string, source: string, key: string) {
    const result = await this.client.send(
      new GetCommand({
        TableName: this.tableName,
        Key: keys.connectorApplied(tenantId, source, key),
        ConsistentRead: true,
      }),
    );
    return result.Item ? { recordId: String(result.Item.recordId) } : undefined;
  }

  async markApplied(tenantId: string, source: string, key: string, recordId: string): Promise<boolean> {
    try {
      await this.client.send(
        new PutCommand({
          TableName: this.tableName,
          Item: {
            ...keys.connectorApplied(tenantId, source, key),
            entity: 'ConnectorApplied',
            tenantId,
            recordId,
            appliedAt: this.clock.now().toISOString(),
          },
          ConditionExpression: 'attribute_not_exists(pk)',
        }),
      );
      return true;
    } catch (error) {
      if (error instanceof ConditionalCheckFailedException) return false;
      throw error;
    }
  }
}
