import { QueryCommand, type DynamoDBDocumentClient, type QueryCommandInput } from '@aws-sdk/lib-dynamodb';
import type { Page, PageRequest } from '../../ports/page';
import { decodeCursor, encodeCursor, sendPage } from './cursor';
import { stripKeys } from './keys';

export interface PageQuery {
  /** The partition read: the table's (`pk`, strongly consistent) or an index's (`gsi1pk`, `gsi2pk`). */
  partition: { attribute: 'pk' | 'gsi1pk' | 'gsi2pk'; value: string };
  /** A condition on the sort key, such as `begins_with(sk, :prefix)`. */
  sortCondition?: string;
  values?: Record<string, unknown>;
  newestFirst?: boolean;
}

/** One page of a query, with an opaque cursor that only this partition accepts. */
export async function queryPage<T>(
  client: DynamoDBDocumentClient,
  tableName: string,
  query: PageQuery,
  page: PageRequest,
): Promise<Page<T>> {
  const { attribute, value } = query.partition;
  const index = attribute === 'pk' ? undefined : attribute.replace(/pk$/, '');
  const result = await sendPage(
    () =>
      client.send(
        new QueryCommand({
          TableName: tableName,
          ...(index ? { IndexName: index } : { ConsistentRead: true }),
          KeyConditionExpression: `${attribute} = :pk${query.sortCondition ? ` AND ${query.sortCondition}` : ''}`,
          ExpressionAttributeValues: { ':pk': value, ...query.values },
          ScanIndexForward: !query.newestFirst,
          Limit: page.limit,
          ExclusiveStartKey: decodeCursor(page.cursor, query.partition),
        }),
      ),
    page.cursor,
  );
  return {
    items: (result.Items ?? []).map((item) => stripKeys<T>(item)),
    nextCursor: encodeCursor(result.LastEvaluatedKey),
  };
}

/** Every item a query matches, following `LastEvaluatedKey` page by page. */
export async function queryAll(
  client: DynamoDBDocumentClient,
  input: Omit<QueryCommandInput, 'ExclusiveStartKey'>,
): Promise<Record<string, unknown>[]> {
  const items: Record<string, unknown>[] = [];
  let startKey: Record<string, unknown> | undefined;
  do {
    const result = await client.send(new QueryCommand({ ...input, ExclusiveStartKey: startKey }));
    items.push(...(result.Items ?? []));
    startKey = result.LastEvaluatedKey;
  } while (startKey);
  return items;
}
