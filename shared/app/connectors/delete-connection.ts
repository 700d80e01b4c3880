/**
 * Disconnects: the connection and its sealed tokens are deleted, then the grant is revoked at the
 * provider (the app no longer appears among the organisation's connected apps). What it synced
 * stays (debtors, invoices, payments are the tenant's records now), and so do the marks of applied
 * credit notes, so connecting the same organisation again applies none twice.
 */
import { auditor } from '../audit/auditor';
import { connectionView } from '../../domain/connectors/connection';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { openTokens } from './connection-tokens';
import { findConnection } from './find-connection';
import { withdrawGrant } from './withdraw-grant';

export async function deleteConnection(
  services: Pick<Services, 'clock' | 'ids' | 'connections' | 'connectors' | 'tokenCipher'>,
  context: UseCaseContext,
  id: string,
) {
  const connection = await findConnection(services.connections, context.actor.tenantId, id);
  const now = services.clock.now();
  const view = connectionView(connection);
  await services.connections.remove(connection, {
    audit: [auditor(services.ids, context.actor, now)('connection', id, 'connection.deleted', view, null)],
  });
  // After the delete: a grant revoked for a connection that stayed would break it.
  const connector = services.connectors[connection.provider];
  if (connection.sealedTokens && connection.organisationId && connector) {
    const tokens = () => openTokens(services.tokenCipher, connection);
    await withdrawGrant(connector, connection.organisationId, tokens, now);
  }
  return view;
}
