import type { AuditEntry } from '../domain/audit/audit-entry';
import type { ImportJob, ImportRowError } from '../domain/imports/import-job';
import type { Page, PageRequest } from './page';
import type { WriteContext } from './write-context';

/** Import jobs and the rows they reported. */
export interface ImportStore {
  create(job: ImportJob, context: WriteContext): Promise<void>;
  get(tenantId: string, importId: string): Promise<ImportJob | undefined>;
  list(tenantId: string, page: PageRequest): Promise<Page<ImportJob>>;
  /** Progress, checkpoints and status, conditional on the version read; audit in the same write. */
  save(before: ImportJob, after: ImportJob, audit?: readonly AuditEntry[]): Promise<void>;
  /** Idempotent per (row, field): a pass that runs again reports the same rows once. */
  recordErrors(tenantId: string, importId: string, errors: readonly ImportRowError[]): Promise<void>;
  listErrors(tenantId: string, importId: string, page: PageRequest): Promise<Page<ImportRowError>>;
}
