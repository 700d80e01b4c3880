/**
 * A handler's own wiring: it names the factories of the services its use cases need, so its bundle
 * carries those adapters only (the composition root, services.ts, carries them all). The services
 * are built once per container, on first use, from the environment; where the local runtime or a
 * test has injected its graph (useServices), that graph answers instead.
 */
import type { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { createDocumentClient } from '../adapters/dynamodb/client';
import { systemClock } from '../adapters/system/system-clock';
import { ulidGenerator } from '../adapters/system/ulid-generator';
import { tracer } from '../observability/powertools';
import type { Clock } from '../ports/clock';
import { injectedServices } from './injected-services';
import type { Services } from './services';

/** What every factory builds on: the clock, and the table with its client. */
export interface WiringContext {
  clock: Clock;
  client: DynamoDBDocumentClient;
  table: string;
}

export type ServiceFactory<K extends keyof Services> = (context: WiringContext) => Services[K];

/** A handler's factories, by the service each builds. */
export type ServiceFactories<K extends keyof Services> = { [P in K]: ServiceFactory<P> };

/** Every wiring has the clock and the id generator. */
export type WiredServices<K extends keyof Services> = Pick<Services, 'clock' | 'ids' | K>;

export function wiringContext(settings: {
  tableName: string;
  dynamoDbEndpoint?: string;
  clock: Clock;
  onDynamoDbCall?: (commandName: string, input: unknown) => void;
}): WiringContext {
  const client = createDocumentClient({
    tableName: settings.tableName,
    endpoint: settings.dynamoDbEndpoint,
    onCall: settings.onDynamoDbCall,
    // One X-Ray subsegment per DynamoDB call; a no-op where tracing is off (locally).
    instrument: (dynamoDb) => tracer.captureAWSv3Client(dynamoDb),
  });
  return { clock: settings.clock, client, table: settings.tableName };
}

export function wireServices<K extends keyof Services>(
  factories: ServiceFactories<K>,
): () => WiredServices<K> {
  let wired: WiredServices<K> | undefined;
  return () => injectedServices() ?? (wired ??= fromEnvironment(factories));
}

function fromEnvironment<K extends keyof Services>(factories: ServiceFactories<K>): WiredServices<K> {
  const tableName = process.env.TABLE_NAME;
  if (!tableName) throw new Error('TABLE_NAME is not set');
  const context = wiringContext({
    tableName,
    dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT,
    clock: systemClock,
  });
  const built: Partial<Services> = { clock: context.clock, ids: ulidGenerator(context.clock) };
  for (const key of Object.keys(factories) as K[]) {
    (built as Record<K, unknown>)[key] = factories[key](context);
  }
  return built as WiredServices<K>;
}
