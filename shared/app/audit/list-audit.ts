import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

export async function listAudit(
  services: Pick<Services, 'auditLog'>,
  context: UseCaseContext,
  query: { limit: number; cursor?: string; entityId?: string },
) {
  const page = await services.auditLog.list(context.actor.tenantId, query);
  return {
    items: page.items.map(({ tenantId: _tenantId, ...entry }) => entry),
    nextCursor: page.nextCursor,
  };
}
