import { NotFoundError } from '../../domain/errors';
import type { PageRequest } from '../../ports/page';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { importView } from './import-view';

export async function getImport(
  services: Pick<Services, 'imports'>,
  context: UseCaseContext,
  importId: string,
) {
  const job = await services.imports.get(context.actor.tenantId, importId);
  if (!job) throw new NotFoundError('Import');
  return importView(job);
}

export async function listImports(
  services: Pick<Services, 'imports'>,
  context: UseCaseContext,
  page: PageRequest,
) {
  const result = await services.imports.list(context.actor.tenantId, page);
  return { items: result.items.map(importView), nextCursor: result.nextCursor };
}

/** The reported rows in row order: which row, which field, why. */
export async function listImportErrors(
  services: Pick<Services, 'imports'>,
  context: UseCaseContext,
  importId: string,
  page: PageRequest,
) {
  const job = await services.imports.get(context.actor.tenantId, importId);
  if (!job) throw new NotFoundError('Import');
  return services.imports.listErrors(context.actor.tenantId, importId, page);
}
