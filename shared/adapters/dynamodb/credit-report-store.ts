import { QueryCommand, type DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import type { Debtor } from '../../domain/debtors/debtor';
import { ConflictError } from '../../domain/errors';
import type { Clock } from '../../ports/clock';
import type { CreditReportStore, StoredCreditReport } from '../../ports/credit-report-store';
import type { Page, PageRequest } from '../../ports/page';
import type { WriteContext } from '../../ports/write-context';
import { debtorItem } from './debtor-store';
import { keys } from './keys';
import { queryPage } from './query-page';
import { commitTransaction, versionedPut, writeContextSteps } from './transaction';

/**
 * A debtor's credit reports live in their own partition (`…#DEBTOR#<id>#CREDIT_REPORTS`), sorted by
 * the instant they arrived. Storing one puts the report, the debtor under its version (its new
 * `creditScore` and report summary) and the audit records in one transaction.
 */
export class DynamoDbCreditReportStore implements CreditReportStore {
  constructor(
    private readonly client: DynamoDBDocumentClient,
    private readonly tableName: string,
    private readonly clock: Clock,
  ) {}

  async record(
    report: StoredCreditReport,
    before: Debtor,
    after: Debtor,
    context: WriteContext,
  ): Promise<void> {
    await commitTransaction(this.client, [
      versionedPut(
        this.tableName,
        debtorItem(after),
        before.version,
        () => new ConflictError(`Debtor ${before.id} was changed by someone else`),
      ),
      versionedPut(
        this.tableName,
        {
          ...keys.creditReport(report.tenantId, report.debtorId, report.fetchedAt, report.id),
          entity: 'CreditReport',
          ...report,
        },
        0,
        () => new ConflictError(`Credit report ${report.id} exists`),
      ),
      ...writeContextSteps(this.tableName, context, this.clock.now()),
    ]);
  }

  async debtorsWithReportsBefore(tenantId: string, before: string, limit: number): Promise<string[]> {
    const result = await this.client.send(
      new QueryCommand({
        TableName: this.tableName,
        IndexName: 'gsi2',
        KeyConditionExpression: 'gsi2pk = :pk AND gsi2sk < :before',
        ExpressionAttributeValues: { ':pk': keys.creditReportsByAge(tenantId), ':before': before },
        Limit: limit,
      }),
    );
    return (result.Items ?? []).map((item) => String(item.gsi2sk).split('#').pop()!);
  }

  list(tenantId: string, debtorId: string, page: PageRequest): Promise<Page<StoredCreditReport>> {
    return queryPage<StoredCreditReport>(
      this.client,
      this.tableName,
      {
        partition: { attribute: 'pk', value: keys.creditReportsPartition(tenantId, debtorId) },
        sortCondition: 'begins_with(sk, :prefix)',
        values: { ':prefix': 'REPORT#' },
        newestFirst: true,
      },
      page,
    );
  }
}
