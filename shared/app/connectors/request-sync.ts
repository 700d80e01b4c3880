/** An admin asks for a sync now: it is queued for the sync worker (run in process locally). */
import { connectionView } from '../../domain/connectors/connection';
import { RuleViolationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findConnection } from './find-connection';

export async function requestSync(
  services: Pick<Services, 'connections' | 'syncRunner'>,
  context: UseCaseContext,
  id: string,
) {
  const connection = await findConnection(services.connections, context.actor.tenantId, id);
  if (connection.status !== 'active') {
    throw new RuleViolationError(
      `The connection is ${connection.status.replace('_', ' ')}: authorize it first`,
    );
  }
  await services.syncRunner.start(connection.tenantId, connection.id);
  return connectionView(connection);
}
