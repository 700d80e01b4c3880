/**
 * Wraps a workflow task's use case into a Lambda handler: Powertools context, zod validation of
 * the state's input, and error names Step Functions can route on. A concurrent change, throttling
 * or a network fault becomes `Recoup.TransientError` (retried with backoff by the state's Retry);
 * anything else keeps its name and reaches the failure path.
 */
import type * as z from 'zod/mini';
import { lambdaHandler } from '../observability/lambda-handler';
import { logger, metrics } from '../observability/powertools';
import { ConcurrentChangeError } from '../ports/concurrent-change';
import { ConflictError } from '../domain/errors';
import { TRANSIENT_ERROR } from './collection-workflow-tasks';

const TRANSIENT_NAMES = new Set([
  'ConcurrentChangeError',
  'ProvisionedThroughputExceededException',
  'ThrottlingException',
  'RequestLimitExceeded',
  'InternalServerError',
  'ServiceUnavailable',
  'TransactionConflictException',
  'TimeoutError',
  'ECONNRESET',
]);

export class TransientTaskError extends Error {
  constructor(cause: Error) {
    super(cause.message);
    this.name = TRANSIENT_ERROR;
  }
}

export function isTransient(error: unknown): boolean {
  return (
    error instanceof ConcurrentChangeError ||
    error instanceof ConflictError ||
    (error instanceof Error && TRANSIENT_NAMES.has(error.name))
  );
}

export function taskHandler<S extends z.ZodMiniType, R>(
  name: string,
  input: S,
  run: (input: z.output<S>) => Promise<R>,
) {
  const handle = async (event: unknown): Promise<R> => {
    metrics.addMetric(`${name}Invocations`, 'Count', 1);
    const parsed = input.safeParse(event);
    if (!parsed.success) {
      const error = new Error(
        `Invalid ${name} input: ${parsed.error.issues.map((issue) => issue.path.join('.')).join(', ')}`,
      );
      error.name = 'Recoup.InvalidTaskInput';
      throw error;
    }
    try {
      return await run(parsed.data);
    } catch (error) {
      if (isTransient(error)) throw new TransientTaskError(error as Error);
      // No input in the log: it may name a debtor.
      logger.error(`${name} failed`, { error: error as Error });
      throw error;
    }
  };
  return lambdaHandler<unknown, R>(handle);
}
