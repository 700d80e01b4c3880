import middy from '@middy/core';
import { injectLambdaContext } from '@aws-lambda-powertools/logger/middleware';
import { logMetrics } from '@aws-lambda-powertools/metrics/middleware';
import { captureLambdaHandler } from '@aws-lambda-powertools/tracer/middleware';
import type { Context } from 'aws-lambda';
import { queueSyncs } from '../../shared/app/connectors/queue-syncs';
import { logger, metrics, tracer } from '../../shared/observability/powertools';
import { services } from '../../shared/runtime/services';

/** Invoked hourly by EventBridge Scheduler: queues a sync of every active connection. */
export const handler = middy<unknown, void, Error, Context>()
  .use(captureLambdaHandler(tracer, { captureResponse: false }))
  .use(injectLambdaContext(logger, { resetKeys: true }))
  .use(logMetrics(metrics))
  .handler(async () => {
    const queued = await queueSyncs(services());
    metrics.addMetric('ConnectorSyncsQueued', 'Count', queued);
    logger.info('Connector syncs queued', { queued });
  });
