/**
 * Disconnects: the connection and its sealed tokens are deleted. What it synced stays (debtors,
 * invoices, payments are the tenant's records now), and so do the marks of applied credit notes,
 * so connecting the same organisation again applies none twice.
 */
import { auditor } from '../audit/auditor';
import { connectionView } from '../../domain/connectors/connection';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findConnection } from './find-connection';

export async function deleteConnection(
  services: Pick<Services, 'clock' | 'ids' | 'connections'>,
  context: UseCaseContext,
  id: string,
) {
  const connection = await findConnection(services.connections, context.actor.tenantId, id);
  const now = services.clock.now();
  const view = connectionView(connection);
  await services.connections.remove(connection, {
    audit: [auditor(services.ids, context.actor, now)('connection', id, 'connection.deleted', view, null)],
  });
  return view;
}
