/**
 * The import worker: validates the whole file, then (unless a dry run) applies the valid rows batch
 * by batch. After each batch one conditional write records the checkpoint, the counts, the day
 * aggregates still to add and the batch's audit entry, so a run that dies resumes after the last
 * checkpoint; the first batch after it may have been written in part, and is completed, never
 * doubled. A run asked to pause (the function's time is running out) stops after a checkpoint.
 */
import {
  addCounts,
  emptyCounts,
  importActor,
  isFinished,
  type ImportCounts,
  type ImportJob,
} from '../../domain/imports/import-job';
import { CASE_OPENS_DAYS_AHEAD, windowLead } from '../../domain/cases/case-window';
import { BUILTIN_DEFAULT_POLICY } from '../../domain/policies/default-cadence';
import { addDays, localDate } from '../../domain/time/calendar-date';
import { mergeReceivableDays } from '../../domain/metrics/receivable-day';
import { receivableDaysOfChange } from '../../domain/metrics/receivable-change';
import { mapHeader, type HeaderMapping } from '../../imports/import-columns';
import { forEachConcurrently } from '../../runtime/for-each-concurrently';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import { applyRows } from './apply-rows';
import { importedId } from './imported-id';
import { newPassMemory, planRows, rememberAppliedRow, type PlannedRows } from './plan-rows';
import { MalformedFileError, readImportFile, type FileRow, type RowBatch } from './read-import-file';

export const BATCH_ROWS = 1000;
/** Day aggregates kept with the checkpoint before they are added: keeps the job's item small. */
const PENDING_DAYS_LIMIT = 400;
const PARALLEL_CASES = 8;

export type RunServices = Pick<
  Services,
  | 'clock'
  | 'ids'
  | 'debtors'
  | 'ledger'
  | 'facts'
  | 'bulk'
  | 'imports'
  | 'importFiles'
  | 'settings'
  | 'policies'
  | 'cases'
  | 'workflow'
>;

export type RunOutcome = 'finished' | 'paused';

export interface RunOptions {
  /** Asked after each checkpoint: true stops the run there (the function's time is running out). */
  shouldPause?: () => boolean;
  /** Rows per batch (and per checkpoint); the default suits BatchWriteItem and the job's item size. */
  batchRows?: number;
}

export async function runImport(
  services: RunServices,
  tenantId: string,
  importId: string,
  options: RunOptions = {},
): Promise<RunOutcome> {
  const batchRows = options.batchRows ?? BATCH_ROWS;
  let job = await services.imports.get(tenantId, importId);
  if (!job || isFinished(job) || job.status === 'awaiting_upload') return 'finished';
  const timeZone = (await services.settings.get(tenantId)).timezone;
  if (job.status === 'queued' || job.status === 'validating') {
    job = await validate(services, job, timeZone, batchRows);
    if (job.status !== 'applying') return 'finished';
  }
  return apply(services, job, timeZone, batchRows, options.shouldPause ?? (() => false));
}

async function validate(
  services: RunServices,
  start: ImportJob,
  timeZone: string,
  batchRows: number,
): Promise<ImportJob> {
  const now = services.clock.now().toISOString();
  const totalBytes =
    start.totalBytes ?? (await services.importFiles.describe(start.tenantId, start.id))?.bytes;
  let job = await save(services, start, {
    status: 'validating',
    startedAt: start.startedAt ?? now,
    ...(totalBytes === undefined ? {} : { totalBytes }),
    bytesRead: 0,
    counts: emptyCounts(),
  });
  const memory = newPassMemory();
  let mapping: HeaderMapping | undefined;
  let counts = emptyCounts();
  try {
    const file = await services.importFiles.open(job.tenantId, job.id, job.fileVersionId);
    for await (const batch of readImportFile(file, batchRows, (header) => {
      mapping = checkedHeader(job, header);
    })) {
      const plan = await planRows(services, job, mapping as HeaderMapping, batch.rows, memory, timeZone);
      const forecast = await forecastPayments(services, job, plan);
      await services.imports.recordErrors(job.tenantId, job.id, [...plan.errors, ...forecast.errors]);
      counts = addCounts(counts, {
        rows: batch.rows.length,
        invalid: new Set([...plan.errors, ...forecast.errors].map((error) => error.row)).size,
        created: plan.newDebtors.length + plan.newInvoices.length + forecast.created,
        updated: plan.changedDebtors.length,
        unchanged: plan.unchanged.length + plan.createdBefore.length + forecast.unchanged,
      });
      job = await save(services, job, { bytesRead: batch.bytesRead, counts });
    }
  } catch (error) {
    if (!(error instanceof MalformedFileError)) throw error;
    return save(services, job, {
      status: 'failed',
      failure: error.message,
      completedAt: services.clock.now().toISOString(),
    });
  }
  const validatedAt = services.clock.now().toISOString();
  return save(services, job, {
    status: job.dryRun ? 'validated' : 'applying',
    validation: counts,
    validatedAt,
    ignoredColumns: mapping?.ignored ?? [],
    ...(job.dryRun ? {} : applyingFromStart()),
  });
}

/** The state of an apply pass that has not begun. */
export function applyingFromStart(): Partial<ImportJob> {
  return {
    counts: emptyCounts(),
    bytesRead: 0,
    checkpoint: { appliedThroughRow: 0, counts: emptyCounts() },
    pendingReceivables: [],
    receivableBatches: 0,
    applyRuns: 0,
  };
}

async function apply(
  services: RunServices,
  start: ImportJob,
  timeZone: string,
  batchRows: number,
  shouldPause: () => boolean,
): Promise<RunOutcome> {
  let job = await save(services, start, { applyRuns: (start.applyRuns ?? 0) + 1 });
  const resuming = (job.applyRuns ?? 1) > 1;
  // Day aggregates a run that stopped kept or was adding: added first, exactly as they were, since
  // the parts of a flush are marked by batch and part and a part already added is not added again.
  job = await addPendingReceivables(services, job);
  const checkpoint = job.checkpoint ?? { appliedThroughRow: 0, counts: emptyCounts() };
  const memory = newPassMemory();
  const opened = new Set<string>();
  let mapping: HeaderMapping | undefined;
  let first = true;
  const caseHorizon = await caseWindowHorizon(services, job.tenantId, timeZone);
  const file = await services.importFiles.open(job.tenantId, job.id, job.fileVersionId);
  const batches = readImportFile(file, batchRows, (header) => {
    mapping = checkedHeader(job, header);
  });
  /** The next batch and the plan of its rows not applied yet (none when all were). */
  const prepare = async () => {
    const next = await batches.next();
    if (next.done) return undefined;
    const batch = next.value;
    const header = mapping as HeaderMapping;
    const fresh = batch.rows.filter(({ row }) => row > checkpoint.appliedThroughRow);
    for (const row of batch.rows) {
      if (row.row > checkpoint.appliedThroughRow) break;
      rememberAppliedRow(job, header, row, memory, timeZone);
    }
    const plan =
      fresh.length > 0 ? await planRows(services, job, header, fresh, memory, timeZone) : undefined;
    return { batch, fresh, plan };
  };
  // Debtors and invoices: the next batch is planned while this one is written, since its plan
  // reads nothing this batch writes (a key the two share is caught by the pass's memory). A
  // payment's plan reads the invoices earlier payments pay: planned only after they are applied.
  const lookAhead = job.kind !== 'payments';
  // A failure of the look-ahead surfaces when its batch's turn comes, not as an unhandled rejection
  // while the batch before it is written.
  const ahead = <T>(planned: Promise<T>): Promise<T> => (planned.catch(() => undefined), planned);
  let upcoming = ahead(prepare());
  try {
    for (let prepared = await upcoming; prepared; prepared = await upcoming) {
      if (lookAhead) upcoming = ahead(prepare());
      if (prepared.plan) {
        job = await applyBatch(prepared, prepared.plan);
        if (shouldPause()) return 'paused';
      }
      if (!lookAhead) upcoming = ahead(prepare());
    }
  } finally {
    // A batch planned ahead of a pause or a failure is read again by the next run.
    await upcoming.catch(() => undefined);
    await batches.return(undefined);
  }
  job = await addPendingReceivables(services, job);
  await save(services, job, { status: 'completed', completedAt: services.clock.now().toISOString() });
  return 'finished';

  async function applyBatch(
    { batch, fresh }: { batch: RowBatch; fresh: FileRow[] },
    plan: PlannedRows,
  ): Promise<ImportJob> {
    // The batch after a checkpoint may have been written in part by a run that stopped.
    const applied = await applyRows(services, job, plan, first && resuming, caseHorizon);
    first = false;
    const errors = [...plan.errors, ...applied.errors];
    await services.imports.recordErrors(job.tenantId, job.id, errors);
    const counts = addCounts(job.counts, batchCounts(fresh.length, errors, applied));
    const pending = mergeReceivableDays(
      job.pendingReceivables ?? [],
      receivableDaysOfChange({ createdInvoices: applied.bulkInvoices }, timeZone),
    );
    // Before the checkpoint: a run that dies in between opens them again when it resumes the batch.
    await openCases(services, job.tenantId, applied.touchedDebtors, opened);
    const lastRow = (batch.rows.at(-1) as { row: number }).row;
    const now = services.clock.now();
    job = await save(
      services,
      job,
      {
        bytesRead: batch.bytesRead,
        counts,
        checkpoint: { appliedThroughRow: lastRow, counts },
        pendingReceivables: pending,
      },
      applied.createdIds.length + applied.updated.length > 0
        ? [
            auditor(services.ids, importActor(job), now)('import', job.id, 'import.rows_applied', null, {
              rows: { from: (fresh[0] as { row: number }).row, through: lastRow },
              created: applied.createdIds,
              updatedRows: applied.updated,
            }),
          ]
        : [],
    );
    return pending.length > PENDING_DAYS_LIMIT ? addPendingReceivables(services, job) : job;
  }
}

function batchCounts(
  rows: number,
  errors: readonly { row: number }[],
  applied: { created: number[]; updated: number[]; unchanged: number[] },
): ImportCounts {
  const invalid = new Set(errors.map((error) => error.row));
  return {
    rows,
    invalid: invalid.size,
    created: applied.created.filter((row) => !invalid.has(row)).length,
    updated: applied.updated.length,
    unchanged: applied.unchanged.length,
  };
}

async function addPendingReceivables(services: RunServices, job: ImportJob): Promise<ImportJob> {
  const pending = job.pendingReceivables ?? [];
  if (pending.length === 0) return job;
  const batch = job.receivableBatches ?? 0;
  await services.bulk.addReceivables(job.tenantId, job.id, batch, pending);
  return save(services, job, { pendingReceivables: [], receivableBatches: batch + 1 });
}

/** An imported overdue invoice opens its debtor's case now, as one created by hand would. */
async function openCases(
  services: RunServices,
  tenantId: string,
  debtorIds: readonly string[],
  opened: Set<string>,
): Promise<void> {
  const fresh = [...new Set(debtorIds)].filter((id) => !opened.has(id));
  for (const id of fresh) opened.add(id);
  await forEachConcurrently(fresh, PARALLEL_CASES, (debtorId) =>
    signalCase(services, tenantId, debtorId, 'import'),
  );
}

/** The last due date whose invoices can be in a case window by tomorrow, under any of the tenant's policies. */
async function caseWindowHorizon(services: RunServices, tenantId: string, timeZone: string) {
  const policies = [BUILTIN_DEFAULT_POLICY, ...(await services.policies.listAll(tenantId))];
  const lead = Math.max(...policies.map(windowLead));
  return addDays(localDate(services.clock.now(), timeZone), lead + CASE_OPENS_DAYS_AHEAD + 1);
}

/** Validation of payments also looks for payments an earlier import already recorded. */
async function forecastPayments(services: RunServices, job: ImportJob, plan: PlannedRows) {
  const outcome = {
    created: 0,
    unchanged: 0,
    errors: [] as { row: number; field: string; reason: string }[],
  };
  const found = await Promise.all(
    plan.payments.map(({ draft }) =>
      services.ledger.getPayment(job.tenantId, importedId('pay', job.tenantId, draft.reference)),
    ),
  );
  for (const [index, { row, draft }] of plan.payments.entries()) {
    const existing = found[index];
    if (!existing) outcome.created += 1;
    else if (existing.amount === draft.amount && existing.debtorId === draft.debtorId) outcome.unchanged += 1;
    else outcome.errors.push({ row, field: 'reference', reason: `already used by payment ${existing.id}` });
  }
  return outcome;
}

function checkedHeader(job: ImportJob, header: readonly string[]): HeaderMapping {
  const mapping = mapHeader(job.kind, header);
  if (mapping.problems.length > 0) throw new MalformedFileError(`header: ${mapping.problems.join('; ')}`);
  return mapping;
}

async function save(
  services: Pick<Services, 'imports'>,
  before: ImportJob,
  changes: Partial<ImportJob>,
  audit: Parameters<Services['imports']['save']>[2] = [],
): Promise<ImportJob> {
  const after: ImportJob = { ...before, ...changes, version: before.version + 1 };
  await services.imports.save(before, after, audit);
  return after;
}
