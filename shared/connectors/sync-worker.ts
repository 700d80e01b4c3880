/**
 * The sync worker's Lambda wrapper: one connection per SQS message. When the function's time runs
 * low the sync pauses after a page (its cursor saved) and queues itself again; a sync the
 * provider rate-limits ends and resumes on the next run; a failed run leaves the message to come
 * back. A connection gone, no longer active or already syncing is not retried.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import { syncConnection, type SyncServices } from '../app/connectors/sync-connection';
import { DomainError } from '../domain/errors';
import { lambdaHandler } from '../observability/lambda-handler';
import { logger, metrics } from '../observability/powertools';
import { parseQueueMessage } from '../runtime/queue-message';
import { AuthorizationRevokedError } from '../ports/accounting-connector';
import type { SyncRunner } from '../ports/sync-runner';

/** Left for the last page and its save before the function's timeout. */
const RESERVE_MS = 120_000;

const message = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  connectionId: z.string().check(z.startsWith('con_')),
});

export function syncWorkerHandler(services: () => SyncServices & { syncRunner: SyncRunner }) {
  return lambdaHandler<SQSEvent, SQSBatchResponse>(async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const parsed = parseQueueMessage(message, record.body);
      if (!parsed) {
        logger.error('Dropping a malformed sync message', { messageId: record.messageId });
        continue;
      }
      const { tenantId, connectionId } = parsed;
      try {
        const { run, more } = await syncConnection(services(), tenantId, connectionId, {
          shouldPause: () => context.getRemainingTimeInMillis() < RESERVE_MS,
        });
        if (more) await services().syncRunner.start(tenantId, connectionId);
        metrics.addMetric(`ConnectorSync_${run.outcome}`, 'Count', 1);
      } catch (error) {
        // Only the error's name and message: a provider's answer never carries a token, but an
        // SDK error object may carry the request it failed on.
        const reason = error instanceof Error ? `${error.name}: ${error.message}` : 'failed';
        if (error instanceof DomainError || error instanceof AuthorizationRevokedError) {
          logger.warn('Connector sync not run', { connectionId, reason });
          continue;
        }
        logger.error('Connector sync failed; it resumes from its cursor', { connectionId, reason });
        failures.push({ itemIdentifier: record.messageId });
      }
    }
    return { batchItemFailures: failures };
  });
}
