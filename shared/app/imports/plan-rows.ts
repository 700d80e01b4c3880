/**
 * Decides what each row of a batch means, the same way in the validation pass and the apply pass:
 * a bad row (its fields, a reference to a debtor that does not exist, a key the file repeats, a
 * number already used by a different invoice), a record that already exists exactly as the row
 * says (unchanged: a re-import changes nothing), a debtor whose details changed, or a new record.
 */
import type { Debtor, DebtorChanges, DebtorDraft } from '../../domain/debtors/debtor';
import type { ImportJob, ImportRowError } from '../../domain/imports/import-job';
import type { Invoice, InvoiceDraft } from '../../domain/invoices/invoice';
import type { PaymentDraft } from '../../domain/payments/payment';
import { rowRecord, type HeaderMapping } from '../../imports/import-columns';
import { parseImportRow, type DebtorReference } from '../../imports/parse-import-row';
import type { Services } from '../../runtime/services';
import type { FileRow } from './read-import-file';

export interface PlannedRows {
  errors: ImportRowError[];
  unchanged: number[];
  /** Rows this import created in an earlier, interrupted run: counted as created, not written again. */
  createdBefore: number[];
  /** Of those, the invoices written in bulk: their day aggregates are not added yet. */
  invoicesWrittenBefore: Invoice[];
  /** The stored invoices of rows found unchanged (a resumed batch looks at their cases again). */
  unchangedInvoices: Invoice[];
  newDebtors: { row: number; draft: DebtorDraft }[];
  changedDebtors: { row: number; before: Debtor; changes: DebtorChanges }[];
  /** `debtorField`: the column the row named its debtor by. */
  newInvoices: { row: number; draft: InvoiceDraft; debtorField: 'debtorId' | 'debtorExternalRef' }[];
  payments: { row: number; draft: PaymentDraft & { reference: string }; invoice?: Invoice }[];
}

/** What a pass remembers across batches: keys seen (with their row) and debtors looked up. */
export interface PassMemory {
  keys: Map<string, number>;
  debtors: Map<string, Debtor | null>;
}

export function newPassMemory(): PassMemory {
  return { keys: new Map(), debtors: new Map() };
}

/** The cell that identifies a row's record, for spotting a file that repeats one. */
export function naturalKeyField(job: ImportJob): string {
  return job.kind === 'debtors' ? 'externalRef' : job.kind === 'invoices' ? 'number' : 'reference';
}

/**
 * A row before the checkpoint, which an earlier run applied: it counts for the keys the file
 * repeats exactly as `planRows` counted it then (only a row that parses claims its key).
 */
export function rememberAppliedRow(
  job: ImportJob,
  mapping: HeaderMapping,
  { row, cells }: FileRow,
  memory: PassMemory,
  tenantTimeZone: string,
): void {
  const record = rowRecord(mapping, cells);
  if (!parseImportRow(job.kind, record, tenantTimeZone).ok) return;
  const key = record[naturalKeyField(job)] as string;
  if (!memory.keys.has(key)) memory.keys.set(key, row);
}

export async function planRows(
  services: Pick<Services, 'bulk' | 'ledger'>,
  job: ImportJob,
  mapping: HeaderMapping,
  rows: readonly FileRow[],
  memory: PassMemory,
  tenantTimeZone: string,
): Promise<PlannedRows> {
  const plan: PlannedRows = {
    errors: [],
    unchanged: [],
    createdBefore: [],
    invoicesWrittenBefore: [],
    unchangedInvoices: [],
    newDebtors: [],
    changedDebtors: [],
    newInvoices: [],
    payments: [],
  };
  const keyField = naturalKeyField(job);
  const parsed = [];
  for (const { row, cells } of rows) {
    const record = rowRecord(mapping, cells);
    const outcome = parseImportRow(job.kind, record, tenantTimeZone);
    if (!outcome.ok) {
      plan.errors.push(...outcome.errors.map((error) => ({ row, ...error })));
      continue;
    }
    const key = record[keyField] as string;
    const first = memory.keys.get(key);
    if (first !== undefined && first !== row) {
      plan.errors.push({ row, field: keyField, reason: `repeats row ${first}` });
      continue;
    }
    memory.keys.set(key, row);
    parsed.push({ row, parsed: outcome.row });
  }

  if (job.kind === 'debtors') {
    const refs = parsed.flatMap(({ parsed: row }) =>
      row.kind === 'debtors' && row.draft.externalRef ? [row.draft.externalRef] : [],
    );
    const existing = await services.bulk.debtorsByExternalRef(job.tenantId, refs);
    for (const { row, parsed: candidate } of parsed) {
      if (candidate.kind !== 'debtors') continue;
      const before = existing.get(candidate.draft.externalRef as string);
      if (!before) {
        plan.newDebtors.push({ row, draft: candidate.draft });
        continue;
      }
      if (before.importId === job.id && sameDebtor(before, candidate.draft)) {
        // Written by this import before it was interrupted.
        plan.createdBefore.push(row);
        continue;
      }
      const changes = debtorChanges(before, candidate.draft);
      if (Object.keys(changes).length === 0) plan.unchanged.push(row);
      else plan.changedDebtors.push({ row, before, changes });
    }
    return plan;
  }

  const debtorOf = await resolveDebtors(
    services,
    job.tenantId,
    parsed.flatMap(({ parsed: row }) => (row.kind === 'debtors' ? [] : [row.debtor])),
    memory,
  );
  const located = [];
  for (const item of parsed) {
    if (item.parsed.kind === 'debtors') continue;
    const reference = item.parsed.debtor;
    const debtor = debtorOf(reference);
    const field = 'id' in reference ? ('debtorId' as const) : ('debtorExternalRef' as const);
    if (!debtor) {
      plan.errors.push({ row: item.row, field, reason: 'no debtor has this reference' });
    } else if (debtor.mergedInto) {
      plan.errors.push({ row: item.row, field, reason: `the debtor was merged into ${debtor.mergedInto}` });
    } else {
      located.push({ ...item, debtor, debtorField: field });
    }
  }

  if (job.kind === 'invoices') {
    const numbers = located.flatMap(({ parsed: row }) => (row.kind === 'invoices' ? [row.draft.number] : []));
    const existing = await services.bulk.invoicesByNumber(job.tenantId, numbers);
    for (const { row, parsed: candidate, debtor, debtorField } of located) {
      if (candidate.kind !== 'invoices') continue;
      const draft: InvoiceDraft = { ...candidate.draft, debtorId: debtor.id };
      const stored = existing.get(draft.number);
      if (!stored) {
        plan.newInvoices.push({ row, draft, debtorField });
        continue;
      }
      const differences = invoiceDifferences(stored, draft);
      if (differences.length > 0) {
        plan.errors.push({
          row,
          field: 'number',
          reason: `already used by invoice ${stored.id} with another ${differences.join(', ')}`,
        });
      } else if (stored.importId === job.id) {
        plan.createdBefore.push(row);
        plan.invoicesWrittenBefore.push(stored);
      } else {
        plan.unchanged.push(row);
        plan.unchangedInvoices.push(stored);
      }
    }
    return plan;
  }

  const invoiceNumbers = located.flatMap(({ parsed: row }) =>
    row.kind === 'payments' && row.invoiceNumber ? [row.invoiceNumber] : [],
  );
  const invoices = await services.bulk.invoicesByNumber(job.tenantId, invoiceNumbers);
  for (const { row, parsed: candidate, debtor } of located) {
    if (candidate.kind !== 'payments') continue;
    const invoice = candidate.invoiceNumber ? invoices.get(candidate.invoiceNumber) : undefined;
    if (candidate.invoiceNumber && (!invoice || invoice.debtorId !== debtor.id)) {
      plan.errors.push({ row, field: 'invoiceNumber', reason: "is not an invoice of this row's debtor" });
      continue;
    }
    plan.payments.push({
      row,
      draft: { ...candidate.draft, debtorId: debtor.id },
      ...(invoice ? { invoice } : {}),
    });
  }
  return plan;
}

async function resolveDebtors(
  services: Pick<Services, 'bulk'>,
  tenantId: string,
  references: readonly DebtorReference[],
  memory: PassMemory,
): Promise<(reference: DebtorReference) => Debtor | undefined> {
  const cacheKey = (reference: DebtorReference) =>
    'id' in reference ? `id:${reference.id}` : `ref:${reference.externalRef}`;
  const unknown = references.filter((reference) => !memory.debtors.has(cacheKey(reference)));
  const refs = [
    ...new Set(unknown.flatMap((reference) => ('externalRef' in reference ? [reference.externalRef] : []))),
  ];
  const ids = [...new Set(unknown.flatMap((reference) => ('id' in reference ? [reference.id] : [])))];
  const [byRef, byId] = await Promise.all([
    refs.length > 0 ? services.bulk.debtorsByExternalRef(tenantId, refs) : new Map<string, Debtor>(),
    ids.length > 0 ? services.bulk.debtorsById(tenantId, ids) : new Map<string, Debtor>(),
  ]);
  for (const ref of refs) memory.debtors.set(`ref:${ref}`, byRef.get(ref) ?? null);
  for (const id of ids) memory.debtors.set(`id:${id}`, byId.get(id) ?? null);
  return (reference) => memory.debtors.get(cacheKey(reference)) ?? undefined;
}

function invoiceDifferences(stored: Invoice, draft: InvoiceDraft): string[] {
  const fields = ['debtorId', 'currency', 'amount', 'issueDate', 'dueDate'] as const;
  return fields
    .filter((field) => stored[field] !== draft[field])
    .map((field) => (field === 'debtorId' ? 'debtor' : field));
}

function debtorChanges(before: Debtor, draft: object): DebtorChanges {
  const changes: Record<string, unknown> = {};
  for (const [field, value] of Object.entries(draft)) {
    if (JSON.stringify((before as unknown as Record<string, unknown>)[field]) !== JSON.stringify(value)) {
      changes[field] = value;
    }
  }
  return changes as DebtorChanges;
}

function sameDebtor(before: Debtor, draft: object): boolean {
  return Object.keys(debtorChanges(before, draft)).length === 0;
}
