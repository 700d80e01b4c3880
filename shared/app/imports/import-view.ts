import type { ImportJob } from '../../domain/imports/import-job';

/** An import as the API shows it: status, counts and progress; not its internal checkpoint. */
export function importView(job: ImportJob) {
  const {
    tenantId: _tenantId,
    checkpoint: _checkpoint,
    pendingReceivables: _pending,
    receivableBatches: _batches,
    applyRuns: _runs,
    createdByRoles: _roles,
    bytesRead,
    totalBytes,
    ...fields
  } = job;
  const phase = job.status === 'validating' ? 'validation' : job.status === 'applying' ? 'apply' : undefined;
  return {
    ...fields,
    progress: {
      ...(phase ? { phase } : {}),
      bytesRead,
      ...(totalBytes === undefined ? {} : { totalBytes }),
      percent: progressPercent(job),
    },
    errorsUrl: `/v1/imports/${job.id}/errors`,
  };
}

/** Of the whole import: validation is the first tenth, applying the rest (it does the writing). */
export function progressPercent(job: ImportJob): number {
  const done = job.status === 'completed' || (job.status === 'validated' && job.dryRun);
  if (done) return 100;
  if (!job.totalBytes || job.status === 'awaiting_upload' || job.status === 'queued') return 0;
  const share = Math.min(1, job.bytesRead / job.totalBytes);
  if (job.status === 'validating') return Math.floor((job.dryRun ? 100 : 10) * share);
  if (job.status === 'applying') return Math.floor(10 + 90 * share);
  return job.status === 'validated' ? 10 : 0;
}
