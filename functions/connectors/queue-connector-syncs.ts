import { queueSyncs } from '../../shared/app/connectors/queue-syncs';
import { lambdaHandler } from '../../shared/observability/lambda-handler';
import { logger, metrics } from '../../shared/observability/powertools';
import { connections } from '../../shared/runtime/factories/connections';
import { syncRunner } from '../../shared/runtime/factories/sync-runner';
import { wireServices } from '../../shared/runtime/wire-services';

const services = wireServices({ connections, syncRunner });

/** Invoked hourly by EventBridge Scheduler: queues a sync of every active connection. */
export const handler = lambdaHandler<unknown, void>(async () => {
  const queued = await queueSyncs(services());
  metrics.addMetric('ConnectorSyncsQueued', 'Count', queued);
  logger.info('Connector syncs queued', { queued });
});
