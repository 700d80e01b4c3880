/**
 * The events a tenant's systems can subscribe to, derived from the audit records of a change. Every
 * change writes its audit records in its own transaction, so deriving the events there (see
 * shared/adapters/dynamodb/transaction.ts) stores them in that same transaction: an event exists
 * exactly when its change does, whichever use case made it.
 *
 * Payloads carry ids, amounts, currencies, dates and statuses only — never names, addresses, free
 * text (dispute reasons, notes) or contact details: a subscriber that needs more reads the API.
 */
import type { AuditEntry } from '../audit/audit-entry';

export const WEBHOOK_EVENT_TYPES = [
  'payment.received',
  'payment.reversed',
  'promise.kept',
  'promise.broken',
  'promise.cancelled',
  'plan.completed',
  'plan.broken',
  'plan.cancelled',
  'dispute.opened',
  'dispute.resolved',
  'invoice.written_off',
  'invoice.credited',
  'case.escalated',
  'case.handed_off',
] as const;
export type WebhookEventType = (typeof WEBHOOK_EVENT_TYPES)[number];

export type WebhookEventData = Record<string, string | number | boolean | null | WebhookEventData[]>;

export interface WebhookEvent {
  id: string;
  type: WebhookEventType;
  tenantId: string;
  occurredAt: string;
  data: WebhookEventData;
}

type Fields = Record<string, unknown>;

/** Scalars of `source` under the given names, in that order; absent ones are left out. */
function pick(source: unknown, names: readonly string[]): WebhookEventData {
  const record = (source ?? {}) as Fields;
  const picked: WebhookEventData = {};
  for (const name of names) {
    const value = record[name];
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') {
      picked[name] = value;
    }
  }
  return picked;
}

function allocations(source: unknown): WebhookEventData[] {
  const list = ((source ?? {}) as Fields).allocations;
  return Array.isArray(list) ? list.map((allocation) => pick(allocation, ['invoiceId', 'amount'])) : [];
}

/** How one audited action reads as an event, if it is one subscribers can hear. */
const FROM_ACTION: Record<string, (entry: AuditEntry) => { type: WebhookEventType; data: WebhookEventData }> =
  {
    'payment.recorded': (entry) => ({
      type: 'payment.received',
      data: {
        paymentId: entry.entityId,
        ...pick(entry.after, ['debtorId', 'currency', 'amount', 'receivedAt', 'method', 'unapplied']),
        allocations: allocations(entry.after),
      },
    }),
    'payment.reversed': (entry) => ({
      type: 'payment.reversed',
      data: {
        paymentId: entry.entityId,
        ...pick(entry.after, ['debtorId', 'currency', 'amount', 'receivedAt', 'reversedAt']),
      },
    }),
    'promise.kept': (entry) => promiseEvent('promise.kept', entry),
    'promise.broken': (entry) => promiseEvent('promise.broken', entry),
    'promise.cancelled': (entry) => promiseEvent('promise.cancelled', entry),
    'plan.completed': (entry) => planEvent('plan.completed', entry),
    'plan.broken': (entry) => planEvent('plan.broken', entry),
    'plan.cancelled': (entry) => planEvent('plan.cancelled', entry),
    'dispute.opened': (entry) => ({
      type: 'dispute.opened',
      data: { disputeId: entry.entityId, ...pick(entry.after, ['debtorId', 'invoiceId', 'openedAt']) },
    }),
    'dispute.upheld': (entry) => disputeResolved('upheld', entry),
    'dispute.rejected': (entry) => disputeResolved('rejected', entry),
    'write_off.created': (entry) => adjustmentEvent('invoice.written_off', entry),
    'credit_note.created': (entry) => adjustmentEvent('invoice.credited', entry),
    'case.escalated': (entry) => ({
      type: 'case.escalated',
      data: { caseId: entry.entityId, ...pick(entry.after, ['debtorId', 'workItemId', 'assignee']) },
    }),
    'case.handed_off': (entry) => ({
      type: 'case.handed_off',
      data: { caseId: entry.entityId, ...pick(entry.after, ['debtorId', 'policyId']) },
    }),
  };

function promiseEvent(type: WebhookEventType, entry: AuditEntry) {
  return {
    type,
    data: {
      promiseId: entry.entityId,
      ...pick(entry.after, ['debtorId', 'currency', 'amount', 'dueDate', 'graceDays', 'status']),
    },
  };
}

function planEvent(type: WebhookEventType, entry: AuditEntry) {
  const after = (entry.after ?? {}) as Fields;
  return {
    type,
    data: {
      planId: entry.entityId,
      ...pick(after, ['debtorId', 'currency', 'total', 'frequency', 'endedAt']),
      invoiceIds: Array.isArray(after.invoiceIds)
        ? after.invoiceIds
            .filter((id): id is string => typeof id === 'string')
            .map((id) => ({ invoiceId: id }))
        : [],
    },
  };
}

function disputeResolved(outcome: 'upheld' | 'rejected', entry: AuditEntry) {
  return {
    type: 'dispute.resolved' as const,
    data: {
      disputeId: entry.entityId,
      outcome,
      ...pick(entry.after, ['debtorId', 'invoiceId', 'resolvedAt', 'creditAmount']),
    },
  };
}

function adjustmentEvent(type: WebhookEventType, entry: AuditEntry) {
  return {
    type,
    data: {
      adjustmentId: entry.entityId,
      ...pick(entry.after, ['debtorId', 'invoiceId', 'currency', 'amount', 'status']),
    },
  };
}

/**
 * The events of one change's audit records. An event's id follows from its audit record's, so
 * the same change can never yield two events, and the instant is the change's own.
 */
export function webhookEventsOf(entries: readonly AuditEntry[]): WebhookEvent[] {
  const events: WebhookEvent[] = [];
  for (const entry of entries) {
    const derive = FROM_ACTION[entry.action];
    if (!derive) continue;
    const { type, data } = derive(entry);
    events.push({
      id: `evt_${entry.id.replace(/^[a-z]+_/, '')}`,
      type,
      tenantId: entry.tenantId,
      occurredAt: entry.at,
      data,
    });
  }
  return events;
}

/** The body as sent: the event's fields in a fixed order, so the same event always reads the same. */
export function webhookBody(event: WebhookEvent): string {
  return JSON.stringify({
    id: event.id,
    type: event.type,
    tenantId: event.tenantId,
    occurredAt: event.occurredAt,
    data: event.data,
  });
}
