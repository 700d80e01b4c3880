import { connectionView } from '../../domain/connectors/connection';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

/** The tenant's connections, oldest first, without their tokens. */
export async function listConnections(services: Pick<Services, 'connections'>, context: UseCaseContext) {
  const connections = await services.connections.list(context.actor.tenantId);
  return {
    items: connections.sort((a, b) => a.createdAt.localeCompare(b.createdAt)).map(connectionView),
    nextCursor: null,
  };
}
