/**
 * The import worker's Lambda wrapper: one import per SQS message. When the function's time runs
 * low the run pauses after a checkpoint and queues the import again, so a file of any size is
 * applied across invocations; a failed run leaves the message to come back and resume.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod';
import { runImport, type RunServices } from '../app/imports/run-import';
import { logger, metrics, tracer } from '../observability/powertools';
import type { ImportRunner } from '../ports/import-runner';

/** Left for the last batch and its checkpoint before the function's timeout. */
const RESERVE_MS = 90_000;

const message = z.strictObject({ tenantId: z.string().min(1), importId: z.string().startsWith('imp_') });

export function importWorkerHandler(services: () => RunServices & { importRunner: ImportRunner }) {
  const handler = middy<SQSEvent, SQSBatchResponse, Error, Context>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (process.env.POWERTOOLS_METRICS_DISABLED !== 'true') handler.use(logMetrics(metrics));
  return handler.handler(async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const parsed = message.safeParse(safeJson(record.body));
      if (!parsed.success) {
        logger.error('Dropping a malformed import message', { messageId: record.messageId });
        continue;
      }
      const { tenantId, importId } = parsed.data;
      try {
        const outcome = await runImport(services(), tenantId, importId, {
          shouldPause: () => context.getRemainingTimeInMillis() < RESERVE_MS,
        });
        if (outcome === 'paused') await services().importRunner.start(tenantId, importId);
        metrics.addMetric(outcome === 'paused' ? 'ImportPaused' : 'ImportRunFinished', 'Count', 1);
      } catch (error) {
        logger.error('Import run failed; it resumes from its checkpoint', { importId, error });
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
