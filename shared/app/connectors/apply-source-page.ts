/**
 * Applies one page pulled from an accounting system through the ordinary use cases, each record
 * once whatever how often it is pulled again:
 * - customers → debtors found by `externalRef` (`qbo:<Id>`, `xero:<ContactID>`): created, or
 *   updated where the fields the accounting system owns changed;
 * - invoices → ids derived from the provider's id (importedId), created with the provider's
 *   number (prefixed when a hand-made invoice has it); later changes of dates are followed, a
 *   changed billed amount is reported (Recoup changes one only by credit note or write-off);
 * - credit notes applied to invoices → the credit-note use case (four-eyes above the tenant's
 *   threshold, as for a person), each application marked once applied;
 * - payments → ids derived from the provider's id, allocated as the provider allocated them; one
 *   reversed in Recoup and changed in the accounting system since is recorded again.
 */
import { ConflictError, DomainError, NotFoundError, RuleViolationError } from '../../domain/errors';
import { outstanding, type Invoice } from '../../domain/invoices/invoice';
import { debtorFromSource, type DebtorDefaults } from '../../domain/connectors/debtor-from-source';
import { debtorExternalRef, providerPrefix, sourceKey } from '../../domain/connectors/external-ref';
import {
  SKIPPED_KEPT,
  type Connection,
  type SkippedRecord,
  type SyncCounts,
} from '../../domain/connectors/connection';
import {
  PROVIDER_NAMES,
  type SourceCreditApplication,
  type SourceCustomer,
  type SourceInvoice,
  type SourcePage,
  type SourcePayment,
} from '../../domain/connectors/source-records';
import type { Debtor, DebtorChanges, DebtorDraft } from '../../domain/debtors/debtor';
import type { Payment } from '../../domain/payments/payment';
import { createDebtorBody } from '../../http/schemas/debtors';
import type { Services } from '../../runtime/services';
import { requestAdjustment } from '../adjustments/request-adjustment';
import { connectorActor } from '../cases/system-actor';
import { createDebtor } from '../debtors/create-debtor';
import { updateDebtor } from '../debtors/update-debtor';
import { importedId } from '../imports/imported-id';
import { createInvoice } from '../invoices/create-invoice';
import { updateInvoice } from '../invoices/update-invoice';
import { recordPayment } from '../payments/record-payment';

export type ApplyServices = Pick<
  Services,
  | 'clock'
  | 'ids'
  | 'debtors'
  | 'invoices'
  | 'ledger'
  | 'facts'
  | 'approvals'
  | 'settings'
  | 'bulk'
  | 'connections'
>;

export interface PageOutcome {
  counts: SyncCounts;
  skipped: SkippedRecord[];
  /** Debtors whose money changed or who got invoices: their collection cases are told. */
  touchedDebtors: string[];
}

/** Bounds the ids a payment reversed and recorded again over and over is looked up under. */
const MAX_PAYMENT_REVISIONS = 20;

/** Fields a person may have left out or written so the API refuses them: dropped, not fatal. */
const OPTIONAL_FIELDS = ['email', 'phone', 'postalAddress', 'taxId'] as const;

/** The draft as the API would take it: optional fields it refuses are left out. */
export function acceptableDraft(draft: DebtorDraft): { draft: DebtorDraft } | { reason: string } {
  let candidate: Record<string, unknown> = { ...draft };
  for (;;) {
    const parsed = createDebtorBody.safeParse(candidate);
    if (parsed.success) return { draft: parsed.data as DebtorDraft };
    const field = parsed.error.issues
      .map((issue) => String(issue.path[0]))
      .find((path) => (OPTIONAL_FIELDS as readonly string[]).includes(path) && path in candidate);
    if (!field) {
      const issue = parsed.error.issues[0];
      return { reason: `${issue?.path.join('.') || 'customer'} ${issue?.message ?? 'is not valid'}` };
    }
    const { [field]: _dropped, ...rest } = candidate;
    candidate = rest;
  }
}

/** JSON with keys sorted: the table hands maps back in any key order. */
function canonical(value: unknown): string {
  return JSON.stringify(value ?? null, (_key, inner: unknown) =>
    inner && typeof inner === 'object' && !Array.isArray(inner)
      ? Object.fromEntries(Object.entries(inner).sort(([a], [b]) => a.localeCompare(b)))
      : inner,
  );
}

/** What changed in the fields the accounting system owns (jurisdiction and zone stay Recoup's). */
function ownedChanges(debtor: Debtor, draft: DebtorDraft): DebtorChanges {
  const changes: DebtorChanges = {};
  if (debtor.name !== draft.name) changes.name = draft.name;
  if (debtor.kind !== draft.kind) changes.kind = draft.kind;
  if ((debtor.email ?? null) !== (draft.email ?? null)) changes.email = draft.email ?? null;
  if ((debtor.phone ?? null) !== (draft.phone ?? null)) changes.phone = draft.phone ?? null;
  if (canonical(debtor.postalAddress) !== canonical(draft.postalAddress)) {
    changes.postalAddress = draft.postalAddress ?? null;
  }
  return changes;
}

export async function applySourcePage(
  services: ApplyServices,
  connection: Connection,
  page: SourcePage,
  defaults: DebtorDefaults,
): Promise<PageOutcome> {
  const tenantId = connection.tenantId;
  const actor = connectorActor(tenantId);
  const provider = connection.provider;
  const source = `${provider}#${connection.organisationId ?? ''}`;
  const outcome: PageOutcome = {
    counts: { created: 0, updated: 0, unchanged: 0, skipped: 0 },
    skipped: [],
    touchedDebtors: [],
  };
  const skip = (kind: SkippedRecord['kind'], sourceId: string, reason: string) => {
    outcome.counts.skipped += 1;
    if (outcome.skipped.length < SKIPPED_KEPT) outcome.skipped.push({ kind, sourceId, reason });
  };
  const reasonOf = (error: unknown) => {
    if (error instanceof DomainError) return error.message;
    throw error;
  };

  const customerIds = [
    ...page.customers.map((customer) => customer.sourceId),
    ...[...page.invoices, ...page.payments, ...page.creditNotes].map((record) => record.customerSourceId),
  ];
  const debtors = await services.bulk.debtorsByExternalRef(
    tenantId,
    [...new Set(customerIds)].map((id) => debtorExternalRef(provider, id)),
  );
  const debtorOf = (customerSourceId: string) => debtors.get(debtorExternalRef(provider, customerSourceId));

  const applyCustomer = async (customer: SourceCustomer) => {
    const externalRef = debtorExternalRef(provider, customer.sourceId);
    const mapped = debtorFromSource(customer, externalRef, defaults);
    if (!mapped) {
      return skip(
        'customer',
        customer.sourceId,
        'its address names no country and the connection has no default jurisdiction',
      );
    }
    const acceptable = acceptableDraft(mapped);
    if ('reason' in acceptable) return skip('customer', customer.sourceId, acceptable.reason);
    const existing = debtorOf(customer.sourceId);
    try {
      if (!existing) {
        const { debtor } = await createDebtor(services, { actor }, acceptable.draft);
        debtors.set(externalRef, debtor);
        outcome.counts.created += 1;
        return;
      }
      const changes = ownedChanges(existing, acceptable.draft);
      if (Object.keys(changes).length === 0) {
        outcome.counts.unchanged += 1;
        return;
      }
      const { debtor } = await updateDebtor(services, { actor }, existing.id, changes);
      debtors.set(externalRef, debtor);
      outcome.counts.updated += 1;
    } catch (error) {
      skip('customer', customer.sourceId, reasonOf(error));
    }
  };

  const invoiceIdOf = (invoiceSourceId: string) =>
    importedId('inv', tenantId, sourceKey(provider, 'Invoice', invoiceSourceId));

  const applyInvoice = async (record: SourceInvoice) => {
    const debtor = debtorOf(record.customerSourceId);
    if (!debtor)
      return skip('invoice', record.sourceId, `its customer ${record.customerSourceId} was not synced`);
    const invoiceId = invoiceIdOf(record.sourceId);
    const existing = await services.invoices.get(tenantId, invoiceId);
    try {
      if (!existing) {
        if (record.voided) {
          return skip(
            'invoice',
            record.sourceId,
            'not owed when it was synced (voided, deleted or not yet approved)',
          );
        }
        const number = record.number ?? `${providerPrefix(provider).toUpperCase()}-${record.sourceId}`;
        const draft = {
          debtorId: debtor.id,
          currency: record.currency,
          amount: record.amount,
          issueDate: record.issueDate,
          dueDate: record.dueDate,
          externalRef: sourceKey(provider, 'Invoice', record.sourceId),
        };
        try {
          await createInvoice(services, { actor }, { ...draft, number }, { invoiceId });
        } catch (error) {
          // The number is a hand-made invoice's: the synced one is told apart by the provider's prefix.
          if (!(error instanceof ConflictError)) throw error;
          const prefixed = `${providerPrefix(provider).toUpperCase()}-${number}`;
          await createInvoice(services, { actor }, { ...draft, number: prefixed }, { invoiceId });
        }
        outcome.counts.created += 1;
        outcome.touchedDebtors.push(debtor.id);
        return;
      }
      if (record.voided && outstanding(existing) > 0) {
        return skip(
          'invoice',
          record.sourceId,
          'voided in the accounting system: credit or write it off in Recoup',
        );
      }
      if (!record.voided && record.amount !== existing.amount) {
        return skip(
          'invoice',
          record.sourceId,
          `billed amount changed from ${existing.amount} to ${record.amount}: Recoup changes it only by credit note or write-off`,
        );
      }
      if (existing.issueDate === record.issueDate && existing.dueDate === record.dueDate) {
        outcome.counts.unchanged += 1;
        return;
      }
      await updateInvoice(services, { actor }, existing.id, {
        issueDate: record.issueDate,
        dueDate: record.dueDate,
      });
      outcome.counts.updated += 1;
      outcome.touchedDebtors.push(existing.debtorId);
    } catch (error) {
      skip('invoice', record.sourceId, reasonOf(error));
    }
  };

  const applyCredit = async (application: SourceCreditApplication, number: string | undefined) => {
    const key = `${providerPrefix(provider)}:${application.key}`;
    if (await services.connections.applied(tenantId, source, key)) {
      outcome.counts.unchanged += 1;
      return;
    }
    let invoice: Invoice | undefined;
    try {
      invoice = await services.invoices.get(tenantId, invoiceIdOf(application.invoiceSourceId));
      if (!invoice) throw new NotFoundError('Invoice');
      if (invoice.currency !== application.currency) {
        throw new RuleViolationError(
          `the credit is in ${application.currency}, the invoice in ${invoice.currency}`,
        );
      }
      // A run that stopped between applying and marking finds its credit note by the key it carries.
      const tag = `[${key}]`;
      const earlier = (await services.ledger.listAdjustments(tenantId, invoice.debtorId)).find((adjustment) =>
        adjustment.reason.includes(tag),
      );
      if (earlier) {
        await services.connections.markApplied(tenantId, source, key, earlier.id);
        outcome.counts.unchanged += 1;
        return;
      }
      const label = number ?? application.creditNoteSourceId;
      const result = await requestAdjustment(
        services,
        { actor },
        {
          invoiceId: invoice.id,
          kind: 'credit_note',
          amount: application.amount,
          reason: `Credit note ${label} from ${PROVIDER_NAMES[provider]} ${tag}`,
        },
      );
      const recordId =
        result.status === 'pending_approval' ? result.approvalId : String((result.body as { id: string }).id);
      await services.connections.markApplied(tenantId, source, key, recordId);
      outcome.counts.created += 1;
      outcome.touchedDebtors.push(invoice.debtorId);
    } catch (error) {
      skip('credit_note', application.creditNoteSourceId, reasonOf(error));
    }
  };

  /**
   * A payment's ids, one per revision: the first is the provider's key, each later one adds
   * `#<revision>`. A revision reversed in Recoup counts as absent, so a payment changed in the
   * accounting system is recorded again, under the next revision's id. Answers the latest
   * revision recorded and, unless that one stands, the id of the next.
   */
  const paymentRevisions = async (sourceId: string) => {
    const key = sourceKey(provider, 'Payment', sourceId);
    let latest: Payment | undefined;
    for (let revision = 1; revision <= MAX_PAYMENT_REVISIONS; revision += 1) {
      const paymentId = importedId('pay', tenantId, revision === 1 ? key : `${key}#${revision}`);
      const found = await services.ledger.getPayment(tenantId, paymentId);
      if (!found) return { latest, paymentId };
      latest = found;
      if (found.status !== 'reversed') return { latest };
    }
    return { latest };
  };

  const applyPayment = async (record: SourcePayment) => {
    for (const credit of record.credits) await applyCredit(credit, undefined);
    if (record.amount === 0) return;
    const debtor = debtorOf(record.customerSourceId);
    if (!debtor)
      return skip('payment', record.sourceId, `its customer ${record.customerSourceId} was not synced`);
    const { latest, paymentId } = await paymentRevisions(record.sourceId);
    const recorded = (payment: Payment) =>
      payment.amount === record.amount && payment.currency === record.currency;
    if (latest?.status === 'applied') {
      if (recorded(latest)) {
        outcome.counts.unchanged += 1;
      } else {
        skip(
          'payment',
          record.sourceId,
          'changed in the accounting system after it was recorded: reverse it in Recoup, and a sync that pulls it again records it anew',
        );
      }
      return;
    }
    // Reversed in Recoup and not changed in the accounting system since: the reversal stands.
    if (latest && (record.voided || recorded(latest))) {
      outcome.counts.unchanged += 1;
      return;
    }
    if (!paymentId) {
      return skip('payment', record.sourceId, `reversed and recorded again ${MAX_PAYMENT_REVISIONS} times`);
    }
    if (record.voided) return skip('payment', record.sourceId, 'voided before it was synced');
    // Allocated as the provider allocated it, to the invoices Recoup has and as far as they are open.
    const allocations: { invoiceId: string; amount: number }[] = [];
    let left = record.amount;
    for (const allocation of record.allocations) {
      const invoice = await services.invoices.get(tenantId, invoiceIdOf(allocation.invoiceSourceId));
      if (!invoice || invoice.debtorId !== debtor.id || invoice.currency !== record.currency) continue;
      const amount = Math.min(allocation.amount, outstanding(invoice), left);
      if (amount <= 0) continue;
      allocations.push({ invoiceId: invoice.id, amount });
      left -= amount;
    }
    try {
      await recordPayment(
        services,
        { actor },
        {
          debtorId: debtor.id,
          currency: record.currency,
          amount: record.amount,
          receivedAt: record.receivedAt,
          ...(record.reference ? { reference: record.reference } : {}),
          // Without an allocation the provider named, the money stays credit, as it is there.
          allocations,
        },
        { paymentId },
      );
      outcome.counts.created += 1;
      outcome.touchedDebtors.push(debtor.id);
    } catch (error) {
      skip('payment', record.sourceId, reasonOf(error));
    }
  };

  for (const customer of page.customers) await applyCustomer(customer);
  for (const invoice of page.invoices) await applyInvoice(invoice);
  for (const creditNote of page.creditNotes) {
    for (const application of creditNote.applications) await applyCredit(application, creditNote.number);
  }
  for (const payment of page.payments) await applyPayment(payment);
  outcome.touchedDebtors = [...new Set(outcome.touchedDebtors)];
  return outcome;
}
