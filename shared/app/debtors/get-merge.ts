import { NotFoundError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { mergeView } from '../views/merge-view';

export async function getMerge(services: Pick<Services, 'merges'>, context: UseCaseContext, mergeId: string) {
  const merge = await services.merges.get(context.actor.tenantId, mergeId);
  if (!merge) throw new NotFoundError('Merge');
  return mergeView(merge);
}
