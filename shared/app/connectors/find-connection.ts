import type { Connection } from '../../domain/connectors/connection';
import { NotFoundError } from '../../domain/errors';
import type { ConnectionStore } from '../../ports/connection-store';

/** A connection of the caller's tenant (404 for another tenant's id, as for any resource). */
export async function findConnection(
  store: ConnectionStore,
  tenantId: string,
  id: string,
): Promise<Connection> {
  const connection = await store.get(tenantId, id);
  if (!connection) throw new NotFoundError('Connection');
  return connection;
}
