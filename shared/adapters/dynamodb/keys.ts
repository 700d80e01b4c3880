/**
 * Key builders for the single table. Every partition key starts with the tenant (`T#<tenant>#`),
 * so no key a request can build reaches another tenant's items. See docs/data-model.md.
 */
const t = (tenantId: string) => `T#${tenantId}`;

/** Sort-key prefix of the policy heads, so one query lists current versions only. */
export const POLICY_HEAD_PREFIX = 'CURRENT#';
/** Zero-padded so versions sort by number within a policy. */
const POLICY_VERSION_DIGITS = 10;
export const policyVersionsPrefix = (policyId: string) => `POLICY#${policyId}#V#`;
/** Activities sort by instant; the contact profile (`PROFILE`) sorts after every one of them. */
export const ACTIVITY_PREFIX = 'ACTIVITY#';

export const keys = {
  debtor: (tenantId: string, debtorId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: 'PROFILE',
  }),
  debtorPartition: (tenantId: string, debtorId: string) => `${t(tenantId)}#DEBTOR#${debtorId}`,
  debtorsIndex: (tenantId: string) => `${t(tenantId)}#DEBTORS`,
  debtorExternalRef: (tenantId: string, externalRef: string) => ({
    pk: `${t(tenantId)}#DEBTOR_REF#${externalRef}`,
    sk: 'UNIQUE',
  }),
  /**
   * A debtor's exact duplicate key (normalised email, phone, tax id, address): one item per debtor
   * sharing it, so the debtors that share a key are one query (match-keys.ts).
   */
  debtorMatchKey: (tenantId: string, field: string, key: string, debtorId: string) => ({
    pk: `${t(tenantId)}#MATCH#${field}#${key}`,
    sk: debtorId,
  }),
  debtorMatchPartition: (tenantId: string, field: string, key: string) =>
    `${t(tenantId)}#MATCH#${field}#${key}`,
  /** A merge of two debtors: its plan and progress (debtor-merge.ts). */
  merge: (tenantId: string, mergeId: string) => ({ pk: `${t(tenantId)}#MERGE#${mergeId}`, sk: 'MERGE' }),
  invoice: (tenantId: string, debtorId: string, invoiceId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `INVOICE#${invoiceId}`,
  }),
  invoicePointer: (tenantId: string, invoiceId: string) => ({
    pk: `${t(tenantId)}#INVOICE#${invoiceId}`,
    sk: 'REF',
  }),
  invoiceNumber: (tenantId: string, number: string) => ({
    pk: `${t(tenantId)}#INVOICE_NUMBER#${number}`,
    sk: 'UNIQUE',
  }),
  debtorInvoicesIndex: (tenantId: string, debtorId: string) => `${t(tenantId)}#DEBTOR#${debtorId}#INVOICES`,
  ledger: (tenantId: string, debtorId: string) => ({ pk: `${t(tenantId)}#DEBTOR#${debtorId}`, sk: 'LEDGER' }),
  payment: (tenantId: string, debtorId: string, paymentId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `PAYMENT#${paymentId}`,
  }),
  paymentPointer: (tenantId: string, paymentId: string) => ({
    pk: `${t(tenantId)}#PAYMENT#${paymentId}`,
    sk: 'REF',
  }),
  adjustment: (tenantId: string, debtorId: string, adjustmentId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `ADJUSTMENT#${adjustmentId}`,
  }),
  dispute: (tenantId: string, debtorId: string, disputeId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `DISPUTE#${disputeId}`,
  }),
  /** Held while a credit for the dispute waits for approval: one request at a time. */
  disputeApprovalGuard: (tenantId: string, disputeId: string) => ({
    pk: `${t(tenantId)}#DISPUTE#${disputeId}`,
    sk: 'PENDING_APPROVAL',
  }),
  disputePointer: (tenantId: string, disputeId: string) => ({
    pk: `${t(tenantId)}#DISPUTE#${disputeId}`,
    sk: 'REF',
  }),
  /**
   * A debtor's documents, beside its money records: the ledger reads its whole partition, and a
   * debtor's scans must not make every payment slower.
   */
  debtorDocumentsPartition: (tenantId: string, debtorId: string) =>
    `${t(tenantId)}#DEBTOR#${debtorId}#DOCUMENTS`,
  document: (tenantId: string, debtorId: string, documentId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#DOCUMENTS`,
    sk: documentId,
  }),
  documentPointer: (tenantId: string, documentId: string) => ({
    pk: `${t(tenantId)}#DOCUMENT#${documentId}`,
    sk: 'REF',
  }),
  /**
   * A debtor's credit reports, beside its money records (the ledger reads that partition whole):
   * `REPORT#<fetchedAt>#<id>`, so the newest is the last.
   */
  creditReportsPartition: (tenantId: string, debtorId: string) =>
    `${t(tenantId)}#DEBTOR#${debtorId}#CREDIT_REPORTS`,
  /** gsi2: the debtors with a credit report, by the instant of their latest (the refresh reads the oldest). */
  creditReportsByAge: (tenantId: string) => `${t(tenantId)}#CREDIT_REPORTS_BY_AGE`,
  unfinishedMerges: (tenantId: string) => `${t(tenantId)}#UNFINISHED_MERGES`,
  creditReport: (tenantId: string, debtorId: string, fetchedAt: string, reportId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#CREDIT_REPORTS`,
    sk: `REPORT#${fetchedAt}#${reportId}`,
  }),
  promise: (tenantId: string, debtorId: string, promiseId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `PROMISE#${promiseId}`,
  }),
  plan: (tenantId: string, debtorId: string, planId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `PLAN#${planId}`,
  }),
  charge: (tenantId: string, debtorId: string, chargeId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}`,
    sk: `CHARGE#${chargeId}`,
  }),
  approval: (tenantId: string, approvalId: string) => ({
    pk: `${t(tenantId)}#APPROVAL#${approvalId}`,
    sk: 'APPROVAL',
  }),
  approvalsIndex: (tenantId: string, status: string) => `${t(tenantId)}#APPROVALS#${status}`,
  /** gsi2: every money record of a tenant in one currency, for period metrics. */
  tenantFacts: (tenantId: string, currency: string) => `${t(tenantId)}#FACTS#${currency}`,
  tenantDisputes: (tenantId: string) => `${t(tenantId)}#DISPUTES`,
  currencyInUse: (tenantId: string, currency: string) => ({ pk: `${t(tenantId)}#CURRENCIES`, sk: currency }),
  currenciesPartition: (tenantId: string) => `${t(tenantId)}#CURRENCIES`,
  exchangeRate: (tenantId: string, from: string, to: string, date: string) => ({
    pk: `${t(tenantId)}#FX#${from}#${to}`,
    sk: date,
  }),
  exchangeRatePartition: (tenantId: string, from: string, to: string) => `${t(tenantId)}#FX#${from}#${to}`,
  settings: (tenantId: string) => ({ pk: `${t(tenantId)}#SETTINGS`, sk: 'SETTINGS' }),
  /** A debtor's contact profile and activity log, apart from its money records. */
  contactPartition: (tenantId: string, debtorId: string) => `${t(tenantId)}#DEBTOR#${debtorId}#CONTACT`,
  contactProfile: (tenantId: string, debtorId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#CONTACT`,
    sk: 'PROFILE',
  }),
  /** A debtor's collection case: `CURRENT` (open, or the last closed) and archived `CASE#<id>`. */
  currentCase: (tenantId: string, debtorId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#CASE`,
    sk: 'CURRENT',
  }),
  archivedCase: (tenantId: string, debtorId: string, caseId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#CASE`,
    sk: `CASE#${caseId}`,
  }),
  workItem: (tenantId: string, itemId: string) => ({ pk: `${t(tenantId)}#WORKITEM#${itemId}`, sk: 'ITEM' }),
  /** gsi1: a tenant's open work items by due time. */
  openWorkItems: (tenantId: string) => `${t(tenantId)}#WORKLIST#open`,
  message: (tenantId: string, debtorId: string, messageId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#MESSAGES`,
    sk: messageId,
  }),
  activity: (tenantId: string, debtorId: string, at: string, activityId: string) => ({
    pk: `${t(tenantId)}#DEBTOR#${debtorId}#CONTACT`,
    sk: `${ACTIVITY_PREFIX}${at}#${activityId}`,
  }),
  /** A tenant's policies share one partition: heads (current versions) and every version. */
  policiesPartition: (tenantId: string) => `${t(tenantId)}#POLICIES`,
  policyHead: (tenantId: string, policyId: string) => ({
    pk: `${t(tenantId)}#POLICIES`,
    sk: `${POLICY_HEAD_PREFIX}${policyId}`,
  }),
  policyVersion: (tenantId: string, policyId: string, version: number) => ({
    pk: `${t(tenantId)}#POLICIES`,
    sk: `${policyVersionsPrefix(policyId)}${String(version).padStart(POLICY_VERSION_DIGITS, '0')}`,
  }),
  audit: (tenantId: string, entityId: string, at: string, id: string) => ({
    pk: `${t(tenantId)}#AUDIT#${entityId}`,
    sk: `${at}#${id}`,
  }),
  /** A tenant's imports, newest first by id. */
  importsPartition: (tenantId: string) => `${t(tenantId)}#IMPORTS`,
  importJob: (tenantId: string, importId: string) => ({ pk: `${t(tenantId)}#IMPORTS`, sk: importId }),
  /** An import's reported rows (`ERROR#<row>#<field>`) and its receivable batch markers. */
  importPartition: (tenantId: string, importId: string) => `${t(tenantId)}#IMPORT#${importId}`,
  importError: (tenantId: string, importId: string, row: number, field: string) => ({
    pk: `${t(tenantId)}#IMPORT#${importId}`,
    sk: `ERROR#${String(row).padStart(10, '0')}#${field}`,
  }),
  importReceivables: (tenantId: string, importId: string, batch: string) => ({
    pk: `${t(tenantId)}#IMPORT#${importId}`,
    sk: `RECEIVABLES#${batch}`,
  }),
  auditPartition: (tenantId: string, entityId: string) => `${t(tenantId)}#AUDIT#${entityId}`,
  tenantAuditIndex: (tenantId: string) => `${t(tenantId)}#AUDIT`,
  /**
   * The registry of tenant days: the one partition outside every tenant, read only by the
   * scheduler. gsi1 orders it by the instant each tenant's next local day begins.
   */
  tenantDay: (tenantId: string) => ({ pk: 'SYSTEM#TENANT_DAYS', sk: tenantId }),
  tenantDaysDue: 'SYSTEM#TENANT_DAYS#DUE',
  notification: (tenantId: string, id: string) => ({ pk: `${t(tenantId)}#NOTIFICATIONS`, sk: id }),
  /** gsi1: a tenant's notifications not yet handed to delivery. */
  queuedNotifications: (tenantId: string) => `${t(tenantId)}#NOTIFICATIONS#queued`,
  /** Day aggregates of the receivables of one currency: `<date>#<shard>`. */
  receivablesPartition: (tenantId: string, currency: string) => `${t(tenantId)}#RECEIVABLES#${currency}`,
  receivableDay: (tenantId: string, currency: string, date: string, shard: number) => ({
    pk: `${t(tenantId)}#RECEIVABLES#${currency}`,
    sk: `${date}#${shard}`,
  }),
  receivablesChanged: (tenantId: string, currency: string, shard: number) => ({
    pk: `${t(tenantId)}#RECEIVABLES#${currency}`,
    sk: `CHANGED#${shard}`,
  }),
  rollupsPartition: (tenantId: string, currency: string) => `${t(tenantId)}#ROLLUPS#${currency}`,
  rollup: (tenantId: string, currency: string, granularity: 'day' | 'month', key: string) => ({
    pk: `${t(tenantId)}#ROLLUPS#${currency}`,
    sk: `${granularity === 'day' ? 'DAY' : 'MONTH'}#${key}`,
  }),
  alertRulesPartition: (tenantId: string) => `${t(tenantId)}#ALERT_RULES`,
  alertRule: (tenantId: string, ruleId: string) => ({
    pk: `${t(tenantId)}#ALERT_RULES`,
    sk: `RULE#${ruleId}`,
  }),
  alertState: (tenantId: string, ruleId: string, subject: string) => ({
    pk: `${t(tenantId)}#ALERT_RULES`,
    sk: `STATE#${ruleId}#${subject}`,
  }),
  /** Day counters of the contact work (activity-day.ts): `<date>#<shard>`. */
  activityDaysPartition: (tenantId: string) => `${t(tenantId)}#ACTIVITY_DAYS`,
  activityDay: (tenantId: string, date: string, shard: number) => ({
    pk: `${t(tenantId)}#ACTIVITY_DAYS`,
    sk: `${date}#${shard}`,
  }),
  forecast: (tenantId: string, currency: string, monday: string) => ({
    pk: `${t(tenantId)}#FORECASTS#${currency}`,
    sk: monday,
  }),
  /** A tenant's message templates: heads and every version, as policies. */
  templatesPartition: (tenantId: string) => `${t(tenantId)}#TEMPLATES`,
  templateHead: (tenantId: string, id: string) => ({ pk: `${t(tenantId)}#TEMPLATES`, sk: `CURRENT#${id}` }),
  templateVersion: (tenantId: string, id: string, version: number) => ({
    pk: `${t(tenantId)}#TEMPLATES`,
    sk: `${id}#V#${String(version).padStart(POLICY_VERSION_DIGITS, '0')}`,
  }),
  /** The worklist of one local date: a header and one item per entry, by rank. */
  worklistEntry: (tenantId: string, date: string, sortKey: string) => ({
    pk: `${t(tenantId)}#WORKLIST#${date}`,
    sk: sortKey,
  }),
  /**
   * gsi1: every tenant's messages still queued, oldest first — read only by the outbox sweep of
   * the schedule tick (a system index: its items are each tenant's own).
   */
  queuedMessages: 'SYSTEM#QUEUED_MESSAGES',
  /**
   * The debtors texted at one phone number, of every tenant (`<tenant>#<debtor>`): an inbound STOP
   * carries only the number. Read only by the inbound-text handler.
   */
  textRecipients: (phone: string) => `SYSTEM#TEXT_RECIPIENT#${phone}`,
  /** A tenant's scheduled jobs that have run, one row per local date and job. */
  scheduledJob: (tenantId: string, date: string, job: string) => ({
    pk: `${t(tenantId)}#SCHEDULE`,
    sk: `${date}#${job}`,
  }),
  /** A tenant's accounting connections share one small partition (a handful per tenant). */
  connectionsPartition: (tenantId: string) => `${t(tenantId)}#CONNECTIONS`,
  connection: (tenantId: string, connectionId: string) => ({
    pk: `${t(tenantId)}#CONNECTIONS`,
    sk: connectionId,
  }),
  /**
   * gsi1: every tenant's active connections — read only by the hourly sync schedule (a system
   * index: its items are each tenant's own).
   */
  activeConnections: 'SYSTEM#ACTIVE_CONNECTIONS',
  /**
   * A credit note applied to an invoice from an accounting system, keyed by the provider's own
   * ids; per provider and organisation, so a connection made again finds what was applied.
   */
  connectorApplied: (tenantId: string, source: string, key: string) => ({
    pk: `${t(tenantId)}#CONNECTOR#${source}#APPLIED`,
    sk: key,
  }),
  /**
   * The organisation a tenant's records of a provider are bound to, for a provider whose ids are
   * unique only within an organisation (QuickBooks): one item per tenant and provider.
   */
  connectorOrganisation: (tenantId: string, provider: string) => ({
    pk: `${t(tenantId)}#CONNECTOR#${provider}`,
    sk: 'ORGANISATION',
  }),
  /** A tenant's webhook endpoints share one small partition, read whole when events fan out. */
  webhooksPartition: (tenantId: string) => `${t(tenantId)}#WEBHOOKS`,
  webhook: (tenantId: string, webhookId: string) => ({ pk: `${t(tenantId)}#WEBHOOKS`, sk: webhookId }),
  /** An event for the webhooks, written in the transaction of the change it reports. */
  webhookEvent: (tenantId: string, eventId: string) => ({
    pk: `${t(tenantId)}#WEBHOOK_EVENT#${eventId}`,
    sk: 'EVENT',
  }),
  /**
   * gsi1: every tenant's events not yet fanned out to their endpoints, oldest first — read only by
   * the relay's sweep (a system index: its items are each tenant's own).
   */
  unrelayedWebhookEvents: 'SYSTEM#UNRELAYED_WEBHOOK_EVENTS',
  /** One endpoint's deliveries; sort keys are `whd_<ulid of the event>`, so they sort by time. */
  webhookDeliveries: (tenantId: string, webhookId: string) =>
    `${t(tenantId)}#WEBHOOK#${webhookId}#DELIVERIES`,
  webhookDelivery: (tenantId: string, webhookId: string, deliveryId: string) => ({
    pk: `${t(tenantId)}#WEBHOOK#${webhookId}#DELIVERIES`,
    sk: deliveryId,
  }),
  idempotency: (tenantId: string, key: string) => ({
    pk: `${t(tenantId)}#IDEMPOTENCY#${key}`,
    sk: 'RESPONSE',
  }),
} as const;

/** Attributes that belong to the table's layout, not to the entity. */
export const KEY_ATTRIBUTES = [
  'pk',
  'sk',
  'gsi1pk',
  'gsi1sk',
  'gsi2pk',
  'gsi2sk',
  'entity',
  'expiresAt',
] as const;

export function stripKeys<T>(item: Record<string, unknown>): T {
  const entity = { ...item };
  for (const attribute of KEY_ATTRIBUTES) delete entity[attribute];
  return entity as T;
}
