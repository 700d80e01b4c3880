import { NotFoundError, RuleViolationError } from '../../domain/errors';
import { canStart, type ImportJob } from '../../domain/imports/import-job';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { importView } from './import-view';
import { applyingFromStart } from './run-import';

/**
 * Starts an uploaded import, or resumes one whose worker stopped: the worker carries on from the
 * checkpoint. `apply` turns a validated dry run into an import that writes.
 */
export async function startImport(
  services: Pick<Services, 'clock' | 'ids' | 'imports' | 'importFiles' | 'importRunner'>,
  context: UseCaseContext,
  importId: string,
  options: { apply?: boolean } = {},
) {
  const before = await services.imports.get(context.actor.tenantId, importId);
  if (!before) throw new NotFoundError('Import');
  const now = services.clock.now();
  let after: ImportJob;
  if (options.apply) {
    if (!(before.status === 'validated' && before.dryRun)) {
      throw new RuleViolationError('Only a validated dry run can be applied');
    }
    after = {
      ...before,
      ...applyingFromStart(),
      dryRun: false,
      status: 'applying',
      version: before.version + 1,
    };
  } else {
    if (!canStart(before)) throw new RuleViolationError(`The import is ${before.status}`);
    if (before.status === 'awaiting_upload') {
      const file = await services.importFiles.describe(before.tenantId, before.id);
      if (file === undefined) throw new RuleViolationError('Upload the file to the upload URL first');
      after = {
        ...before,
        status: 'queued',
        totalBytes: file.bytes,
        ...(file.versionId ? { fileVersionId: file.versionId } : {}),
        version: before.version + 1,
      };
    } else {
      after = { ...before, version: before.version + 1 };
    }
  }
  await services.imports.save(before, after, [
    auditor(services.ids, context.actor, now)(
      'import',
      importId,
      options.apply ? 'import.apply_requested' : 'import.started',
      { status: before.status },
      { status: after.status },
    ),
  ]);
  await services.importRunner.start(after.tenantId, after.id);
  return { job: after, view: importView(after) };
}
