/**
 * The sync worker's Lambda wrapper: one connection per SQS message. When the function's time runs
 * low the sync pauses after a page (its cursor saved) and queues itself again; a sync the
 * provider rate-limits ends and resumes on the next run; a failed run leaves the message to come
 * back. A connection gone, no longer active or already syncing is not retried.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { syncConnection, type SyncServices } from '../app/connectors/sync-connection';
import { DomainError } from '../domain/errors';
import { logger, metrics, tracer } from '../observability/powertools';
import { AuthorizationRevokedError } from '../ports/accounting-connector';
import type { SyncRunner } from '../ports/sync-runner';

/** Left for the last page and its save before the function's timeout. */
const RESERVE_MS = 120_000;

const message = z.strictObject({ tenantId: z.string().min(1), connectionId: z.string().startsWith('con_') });

export function syncWorkerHandler(services: () => SyncServices & { syncRunner: SyncRunner }) {
  const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (process.env.POWERTOOLS_METRICS_DISABLED !== 'true') handler.use(logMetrics(metrics));
  return handler.handler(async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const parsed = message.safeParse(safeJson(record.body));
      if (!parsed.success) {
        logger.error('Dropping a malformed sync message', { messageId: record.messageId });
        continue;
      }
      const { tenantId, connectionId } = parsed.data;
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

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
