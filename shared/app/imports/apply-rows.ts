/**
 * Writes what a batch's plan says: new debtors and invoices in bulk (BatchWriteItem, records
 * before their unique markers), changed debtors and payments one by one through the same paths
 * the API uses (a payment is a ledger transaction that allocates and may settle promises).
 */
import { changeDebtor, newDebtor, type Debtor } from '../../domain/debtors/debtor';
import { ConflictError, DomainError, ValidationError } from '../../domain/errors';
import { importActor, type ImportJob, type ImportRowError } from '../../domain/imports/import-job';
import { invoiceProblems, newInvoice, outstanding, type Invoice } from '../../domain/invoices/invoice';
import type { CalendarDate } from '../../domain/time/calendar-date';
import { forEachConcurrently } from '../../runtime/for-each-concurrently';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { createInvoice } from '../invoices/create-invoice';
import { recordPayment } from '../payments/record-payment';
import { importedId } from './imported-id';
import type { PlannedRows } from './plan-rows';

export interface AppliedRows {
  errors: ImportRowError[];
  created: number[];
  updated: number[];
  unchanged: number[];
  /** Invoices written in bulk: their day aggregates are still to be added. */
  bulkInvoices: Invoice[];
  /** Debtors whose receivables changed: their cases may need to open or to look again. */
  touchedDebtors: string[];
  createdIds: string[];
}

const PARALLEL_DEBTORS = 8;

export type ImportServices = Pick<
  Services,
  'clock' | 'ids' | 'debtors' | 'ledger' | 'facts' | 'bulk' | 'imports' | 'importFiles' | 'settings'
>;

export async function applyRows(
  services: ImportServices,
  job: ImportJob,
  plan: PlannedRows,
  resumed: boolean,
  /** Invoices due by this date may have entered their case window already. */
  caseHorizon: CalendarDate,
): Promise<AppliedRows> {
  const applied: AppliedRows = {
    errors: [],
    created: [...plan.createdBefore],
    updated: [],
    unchanged: [...plan.unchanged],
    // Written in bulk before the checkpoint the last run did not reach: aggregates still due.
    bulkInvoices: [...plan.invoicesWrittenBefore],
    touchedDebtors: [],
    createdIds: [],
  };
  const actor = importActor(job);
  const now = services.clock.now();

  if (plan.newDebtors.length > 0) {
    const debtors: Debtor[] = plan.newDebtors.map(({ draft }) => ({
      ...newDebtor(
        importedId('dbt', job.tenantId, draft.externalRef as string),
        job.tenantId,
        draft,
        actor,
        now,
      ),
      importId: job.id,
    }));
    // A resumed batch may hold records a run that died wrote without their markers: the
    // markers are written, the records (which a person may have changed since) are not.
    await services.bulk.writeDebtors(
      debtors,
      resumed ? await services.bulk.storedDebtorIds(debtors) : undefined,
    );
    applied.created.push(...plan.newDebtors.map(({ row }) => row));
    applied.createdIds.push(...debtors.map((debtor) => debtor.id));
  }

  for (const { row, before, changes } of plan.changedDebtors) {
    const after = changeDebtor(before, changes, now);
    try {
      await services.debtors.update(before, after, {
        audit: [auditor(services.ids, actor, now)('debtor', before.id, 'debtor.updated', before, after)],
      });
      applied.updated.push(row);
    } catch (error) {
      if (!(error instanceof DomainError)) throw error;
      applied.errors.push({ row, field: 'externalRef', reason: `not updated: ${error.message}` });
    }
  }

  if (plan.newInvoices.length > 0) await applyInvoices(services, job, plan, resumed, applied, caseHorizon);
  if (resumed) {
    // A run that died after writing this batch may not have got to the cases: look at them again.
    applied.touchedDebtors.push(
      ...[...plan.invoicesWrittenBefore, ...plan.unchangedInvoices]
        .filter((invoice) => invoice.dueDate <= caseHorizon)
        .map((invoice) => invoice.debtorId),
    );
  }
  if (plan.payments.length > 0) await applyPayments(services, job, plan, applied);
  return applied;
}

async function applyInvoices(
  services: ImportServices,
  job: ImportJob,
  plan: PlannedRows,
  resumed: boolean,
  applied: AppliedRows,
  caseHorizon: CalendarDate,
): Promise<void> {
  const actor = importActor(job);
  const now = services.clock.now();
  const debtorIds = [...new Set(plan.newInvoices.map(({ draft }) => draft.debtorId))];
  // Read again just before the write: a debtor merged since the batch was planned takes no invoice
  // (the API's own path refuses it with a condition; a bulk write has none).
  const [heads, debtors] = await Promise.all([
    services.bulk.ledgerHeads(job.tenantId, debtorIds),
    services.bulk.debtorsById(job.tenantId, debtorIds),
  ]);
  const bulk: { row: number; invoice: Invoice }[] = [];
  const withCredit: typeof plan.newInvoices = [];
  for (const { row, draft, debtorField } of plan.newInvoices) {
    const mergedInto = debtors.get(draft.debtorId)?.mergedInto;
    if (mergedInto) {
      applied.errors.push({
        row,
        field: debtorField,
        reason: `the debtor was merged into ${mergedInto}`,
      });
      continue;
    }
    const invoice: Invoice = {
      ...newInvoice(importedId('inv', job.tenantId, draft.number), job.tenantId, draft, actor, now),
      importId: job.id,
    };
    const problems = invoiceProblems(invoice);
    if (problems.length > 0) {
      applied.errors.push(
        ...problems.map((problem) => ({ row, field: problem.path, reason: problem.message })),
      );
    } else if ((heads.get(draft.debtorId)?.credit[draft.currency] ?? 0) > 0) {
      // Unapplied credit pays a new invoice down at once: that is a ledger transaction.
      withCredit.push({ row, draft, debtorField });
    } else {
      bulk.push({ row, invoice });
    }
  }
  const invoices = bulk.map(({ invoice }) => invoice);
  await services.bulk.writeInvoices(
    invoices,
    resumed ? await services.bulk.storedInvoiceIds(invoices) : undefined,
  );
  applied.bulkInvoices.push(...invoices);
  applied.created.push(...bulk.map(({ row }) => row));
  applied.createdIds.push(...invoices.map((invoice) => invoice.id));

  await inDebtorGroups(
    withCredit,
    (item) => item.draft.debtorId,
    async ({ row, draft }) => {
      const invoiceId = importedId('inv', job.tenantId, draft.number);
      try {
        // Without the import's mark: this path adds its own day aggregates, and a resumed run
        // must not add them again (it finds the invoice unmarked: unchanged).
        await createInvoice(services, { actor }, draft, { invoiceId });
        applied.created.push(row);
        applied.createdIds.push(invoiceId);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        const stored =
          error instanceof ConflictError
            ? await services.bulk.invoicesByNumber(job.tenantId, [draft.number])
            : undefined;
        if (stored?.get(draft.number)?.id === invoiceId) applied.unchanged.push(row);
        else applied.errors.push(...rowErrors(row, error, 'number'));
      }
    },
  );
  // Only invoices already in (or about to enter) a policy's window need their case now; the
  // tenant's daily open-cases job opens the others on the day their window begins.
  applied.touchedDebtors.push(
    ...new Set(
      [...bulk.map(({ invoice }) => invoice), ...withCredit.map(({ draft }) => draft)]
        .filter((item) => item.dueDate <= caseHorizon)
        .map((item) => item.debtorId),
    ),
  );
}

async function applyPayments(
  services: ImportServices,
  job: ImportJob,
  plan: PlannedRows,
  applied: AppliedRows,
): Promise<void> {
  const actor = importActor(job);
  // What this batch's payments allocated so far to each invoice they name: a debtor's payments run
  // in file order, so a later one finds only what the earlier ones left of the invoice.
  const allocatedInBatch = new Map<string, number>();
  await inDebtorGroups(
    plan.payments,
    (item) => item.draft.debtorId,
    async ({ row, draft, invoice }) => {
      const paymentId = importedId('pay', job.tenantId, draft.reference);
      const existing = await services.ledger.getPayment(job.tenantId, paymentId);
      if (existing) {
        const same =
          existing.debtorId === draft.debtorId &&
          existing.currency === draft.currency &&
          existing.amount === draft.amount &&
          new Date(existing.receivedAt).getTime() === new Date(draft.receivedAt).getTime();
        if (!same) {
          applied.errors.push({ row, field: 'reference', reason: `already used by payment ${existing.id}` });
        } else if (existing.importId === job.id) {
          applied.created.push(row);
          applied.touchedDebtors.push(existing.debtorId);
        } else {
          applied.unchanged.push(row);
        }
        return;
      }
      const left = invoice ? outstanding(invoice) - (allocatedInBatch.get(invoice.id) ?? 0) : 0;
      const allocations =
        invoice && left > 0 ? [{ invoiceId: invoice.id, amount: Math.min(draft.amount, left) }] : undefined;
      try {
        await recordPayment(
          services,
          { actor },
          { ...draft, ...(allocations ? { allocations } : {}) },
          { paymentId, importId: job.id },
        );
        applied.created.push(row);
        applied.createdIds.push(paymentId);
        applied.touchedDebtors.push(draft.debtorId);
        if (allocations && invoice) {
          allocatedInBatch.set(invoice.id, (allocatedInBatch.get(invoice.id) ?? 0) + allocations[0]!.amount);
        }
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        applied.errors.push(...rowErrors(row, error, 'amount'));
      }
    },
  );
}

function rowErrors(row: number, error: DomainError, field: string): ImportRowError[] {
  if (error instanceof ValidationError) {
    return error.issues.map((issue) => ({ row, field: issue.path || field, reason: issue.message }));
  }
  return [{ row, field, reason: error.message }];
}

/** Rows of one debtor in file order, different debtors side by side. */
async function inDebtorGroups<T>(
  items: readonly T[],
  debtorOf: (item: T) => string,
  run: (item: T) => Promise<void>,
): Promise<void> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const group = groups.get(debtorOf(item));
    if (group) group.push(item);
    else groups.set(debtorOf(item), [item]);
  }
  await forEachConcurrently([...groups.values()], PARALLEL_DEBTORS, async (group) => {
    for (const item of group) await run(item);
  });
}
