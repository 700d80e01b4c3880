import { newImportJob, type ImportKind } from '../../domain/imports/import-job';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { importView } from './import-view';

/** How long the upload URL stays valid. */
export const UPLOAD_URL_SECONDS = 15 * 60;

/** Opens an import: the job, and where to upload its file. */
export async function createImport(
  services: Pick<Services, 'clock' | 'ids' | 'imports' | 'importFiles'>,
  context: UseCaseContext,
  draft: { kind: ImportKind; fileName?: string; dryRun?: boolean },
) {
  const now = services.clock.now();
  const job = newImportJob(
    services.ids.next('imp'),
    context.actor,
    { kind: draft.kind, fileName: draft.fileName ?? `${draft.kind}.csv`, dryRun: draft.dryRun ?? false },
    now,
  );
  const upload = await services.importFiles.uploadTarget(job.tenantId, job.id, UPLOAD_URL_SECONDS);
  const view = { ...importView(job), upload };
  await services.imports.create(job, {
    audit: [auditor(services.ids, context.actor, now)('import', job.id, 'import.created', null, job)],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return { job, view };
}
