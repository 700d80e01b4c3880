/**
 * The import worker's Lambda wrapper: one import per SQS message. When the function's time runs
 * low the run pauses after a checkpoint and queues the import again, so a file of any size is
 * applied across invocations; a failed run leaves the message to come back and resume.
 */
import type { SQSBatchResponse, SQSEvent } from 'aws-lambda';
import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import { runImport, type RunServices } from '../app/imports/run-import';
import { lambdaHandler } from '../observability/lambda-handler';
import { logger, metrics } from '../observability/powertools';
import { parseQueueMessage } from '../runtime/queue-message';
import type { ImportRunner } from '../ports/import-runner';

/** Left for the last batch and its checkpoint before the function's timeout. */
const RESERVE_MS = 90_000;

const message = z.strictObject({
  tenantId: z.string().check(z.minLength(1)),
  importId: z.string().check(z.startsWith('imp_')),
});

export function importWorkerHandler(services: () => RunServices & { importRunner: ImportRunner }) {
  return lambdaHandler<SQSEvent, SQSBatchResponse>(async (event, context) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    for (const record of event.Records) {
      const parsed = parseQueueMessage(message, record.body);
      if (!parsed) {
        logger.error('Dropping a malformed import message', { messageId: record.messageId });
        continue;
      }
      const { tenantId, importId } = parsed;
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
