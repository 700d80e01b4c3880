/**
 * A bulk import of one CSV file: debtors, invoices or payments. The file is read twice, streaming:
 * first every row is validated and each bad row reported (row, field, reason); then, unless it is
 * a dry run, the valid rows are applied in batches, with a checkpoint after each batch so that a
 * crashed or timed-out run resumes where it stopped and applies nothing twice.
 */
import type { Actor } from '../actor';
import type { ReceivableDay } from '../metrics/receivable-day';
import type { Role } from '../roles';

export const IMPORT_KINDS = ['debtors', 'invoices', 'payments'] as const;
export type ImportKind = (typeof IMPORT_KINDS)[number];

export type ImportStatus =
  'awaiting_upload' | 'queued' | 'validating' | 'validated' | 'applying' | 'completed' | 'failed';

export interface ImportCounts {
  /** Data rows read so far (the header is not a row). */
  rows: number;
  /** Rows that failed validation or could not be applied, each reported once. */
  invalid: number;
  /** Rows that created a record. */
  created: number;
  /** Rows that changed an existing record (debtors only: their details). */
  updated: number;
  /** Rows whose record already exists as the row describes it: a re-import changes nothing. */
  unchanged: number;
}

export interface ImportCheckpoint {
  /** Rows up to and including this number are applied (or skipped for good). */
  appliedThroughRow: number;
  /** Counts of the rows up to the checkpoint. */
  counts: ImportCounts;
}

export interface ImportJob {
  id: string;
  tenantId: string;
  kind: ImportKind;
  fileName: string;
  /** Validate and report only; nothing is written. */
  dryRun: boolean;
  status: ImportStatus;
  /** Of the current pass: bytes of the file read, for progress. */
  bytesRead: number;
  totalBytes?: number;
  /**
   * The uploaded file's version when the import started: every pass reads that one, so a file
   * uploaded again with a URL still valid cannot change what the rows of a checkpoint are.
   */
  fileVersionId?: string;
  /** Of the current pass (validation, then applying). */
  counts: ImportCounts;
  /** What validation found: the import's forecast before anything is written. */
  validation?: ImportCounts;
  /** Columns of the file that no field takes. */
  ignoredColumns?: string[];
  /** Where the apply pass stands; absent until it starts. */
  checkpoint?: ImportCheckpoint;
  /**
   * Day aggregates of the invoices applied but not yet added to the receivables, kept with the
   * checkpoint so a resumed run adds each exactly once; added in batches (`receivableBatches`).
   */
  pendingReceivables?: ReceivableDay[];
  receivableBatches?: number;
  /** Runs of the apply pass begun: from the second on, a run resumes one that stopped. */
  applyRuns?: number;
  /** Why the import stopped, when the whole file is unusable (no header, unknown columns…). */
  failure?: string;
  createdBy: string;
  /** The creator's roles: the import's records are written on their behalf. */
  createdByRoles: readonly Role[];
  createdAt: string;
  startedAt?: string;
  validatedAt?: string;
  completedAt?: string;
  version: number;
}

export function emptyCounts(): ImportCounts {
  return { rows: 0, invalid: 0, created: 0, updated: 0, unchanged: 0 };
}

export function newImportJob(
  id: string,
  actor: Actor,
  draft: { kind: ImportKind; fileName: string; dryRun: boolean },
  now: Date,
): ImportJob {
  return {
    id,
    tenantId: actor.tenantId,
    kind: draft.kind,
    fileName: draft.fileName,
    dryRun: draft.dryRun,
    status: 'awaiting_upload',
    bytesRead: 0,
    counts: emptyCounts(),
    createdBy: actor.sub,
    createdByRoles: [...actor.roles],
    createdAt: now.toISOString(),
    version: 1,
  };
}

/** A job can be (re)started until it is done: a restart after a crash resumes from its checkpoint. */
export function canStart(job: ImportJob): boolean {
  return job.status !== 'completed' && job.status !== 'failed' && !(job.status === 'validated' && job.dryRun);
}

export function isFinished(job: ImportJob): boolean {
  return job.status === 'completed' || job.status === 'failed' || (job.status === 'validated' && job.dryRun);
}

/** Whom the import acts for: its creator, in their tenant. */
export function importActor(job: ImportJob): Actor {
  return { sub: job.createdBy, tenantId: job.tenantId, roles: job.createdByRoles };
}

export function addCounts(a: ImportCounts, b: ImportCounts): ImportCounts {
  return {
    rows: a.rows + b.rows,
    invalid: a.invalid + b.invalid,
    created: a.created + b.created,
    updated: a.updated + b.updated,
    unchanged: a.unchanged + b.unchanged,
  };
}

/** One reported row: which row (1 = the first data row), which field, why. */
export interface ImportRowError {
  row: number;
  field: string;
  reason: string;
}
