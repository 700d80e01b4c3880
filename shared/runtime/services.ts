/**
 * The composition root: adapters wired once per Lambda container (outside the handler) from the
 * environment. The local runtime and tests configure the same graph with their own clock and
 * DynamoDB endpoint.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { DynamoDbApprovalStore } from '../adapters/dynamodb/approval-store';
import { DynamoDbAuditLog } from '../adapters/dynamodb/audit-log';
import { DynamoDbDebtorStore } from '../adapters/dynamodb/debtor-store';
import { DynamoDbExchangeRateStore } from '../adapters/dynamodb/exchange-rate-store';
import { DynamoDbIdempotencyStore } from '../adapters/dynamodb/idempotency-store';
import { DynamoDbInvoiceStore } from '../adapters/dynamodb/invoice-store';
import { DynamoDbLedgerFactsReader } from '../adapters/dynamodb/ledger-facts-reader';
import { DynamoDbLedgerStore } from '../adapters/dynamodb/ledger-store';
import { DynamoDbContactStore } from '../adapters/dynamodb/contact-store';
import { DynamoDbPolicyStore } from '../adapters/dynamodb/policy-store';
import { DynamoDbSettingsStore } from '../adapters/dynamodb/settings-store';
import { systemClock } from '../adapters/system/system-clock';
import { ulidGenerator } from '../adapters/system/ulid-generator';
import { tracer } from '../observability/powertools';
import type { ApprovalStore } from '../ports/approval-store';
import type { AuditLog } from '../ports/audit-log';
import type { Clock } from '../ports/clock';
import type { DebtorStore } from '../ports/debtor-store';
import type { ExchangeRateStore } from '../ports/exchange-rate-store';
import type { IdGenerator } from '../ports/id-generator';
import type { IdempotencyStore } from '../ports/idempotency-store';
import type { InvoiceStore } from '../ports/invoice-store';
import type { LedgerFactsReader } from '../ports/ledger-facts-reader';
import type { LedgerStore } from '../ports/ledger-store';
import type { ContactStore } from '../ports/contact-store';
import type { PolicyStore } from '../ports/policy-store';
import type { SettingsStore } from '../ports/settings-store';

export interface Services {
  clock: Clock;
  ids: IdGenerator;
  debtors: DebtorStore;
  invoices: InvoiceStore;
  ledger: LedgerStore;
  facts: LedgerFactsReader;
  exchangeRates: ExchangeRateStore;
  approvals: ApprovalStore;
  settings: SettingsStore;
  policies: PolicyStore;
  contacts: ContactStore;
  auditLog: AuditLog;
  idempotency: IdempotencyStore;
}

export interface ServiceSettings {
  tableName: string;
  dynamoDbEndpoint?: string;
  clock?: Clock;
  onDynamoDbCall?: (commandName: string) => void;
}

export function createServices(settings: ServiceSettings): Services {
  const clock = settings.clock ?? systemClock;
  const client: DynamoDBDocumentClient = createDocumentClient({
    tableName: settings.tableName,
    endpoint: settings.dynamoDbEndpoint,
    onCall: settings.onDynamoDbCall,
    // One X-Ray subsegment per DynamoDB call; a no-op where tracing is off (locally).
    instrument: (dynamoDb) => tracer.captureAWSv3Client(dynamoDb),
  });
  const table = settings.tableName;
  return {
    clock,
    ids: ulidGenerator(clock),
    debtors: new DynamoDbDebtorStore(client, table, clock),
    invoices: new DynamoDbInvoiceStore(client, table, clock),
    ledger: new DynamoDbLedgerStore(client, table, clock),
    facts: new DynamoDbLedgerFactsReader(client, table),
    exchangeRates: new DynamoDbExchangeRateStore(client, table, clock),
    approvals: new DynamoDbApprovalStore(client, table, clock),
    settings: new DynamoDbSettingsStore(client, table, clock),
    policies: new DynamoDbPolicyStore(client, table, clock),
    contacts: new DynamoDbContactStore(client, table, clock),
    auditLog: new DynamoDbAuditLog(client, table),
    idempotency: new DynamoDbIdempotencyStore(client, table),
  };
}

let current: Services | undefined;

export function services(): Services {
  if (!current) {
    const tableName = process.env.TABLE_NAME;
    if (!tableName) throw new Error('TABLE_NAME is not set');
    current = createServices({ tableName, dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT });
  }
  return current;
}

/** Used by the local runtime and tests to run the same handlers on their own wiring. */
export function useServices(next: Services): void {
  current = next;
}
