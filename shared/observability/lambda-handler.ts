/**
 * Powertools around a Lambda handler that is not an API route (queue consumers, stream and event
 * handlers, schedules, workflow tasks): tracing, the logger's context and metrics. Metrics are a
 * per-container singleton: publishing is for Lambda, where one invocation runs at a time; where
 * they are disabled (locally, many handlers at once) there is nothing to publish.
 */
import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context } from 'aws-lambda';
import { logger, metrics, tracer } from './powertools';

export function lambdaHandler<E, R>(handle: (event: E, context: Context) => Promise<R>) {
  const handler = middy<E, R, Error, Context>()
    .use(captureLambdaHandler(tracer, { captureResponse: false }))
    .use(injectLambdaContext(logger, { resetKeys: true }));
  if (process.env.POWERTOOLS_METRICS_DISABLED !== 'true') handler.use(logMetrics(metrics));
  return handler.handler(handle);
}
