import { DynamoDBClient } from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';

export interface DynamoDbSettings {
  tableName: string;
  /** Set only for DynamoDB Local. */
  endpoint?: string;
  region?: string;
  /** Observes every DynamoDB call (command name, marshalled input): benchmarks count round trips with it. */
  onCall?: (commandName: string, input: unknown) => void;
  /** Instruments the low-level client (X-Ray subsegments per call). */
  instrument?: (client: DynamoDBClient) => void;
}

export function createDocumentClient(settings: DynamoDbSettings): DynamoDBDocumentClient {
  const local = settings.endpoint !== undefined;
  const client = new DynamoDBClient({
    region: settings.region ?? process.env.AWS_REGION ?? 'eu-west-1',
    ...(local
      ? { endpoint: settings.endpoint, credentials: { accessKeyId: 'local', secretAccessKey: 'local' } }
      : {}),
    maxAttempts: 5,
  });
  settings.instrument?.(client);
  const onCall = settings.onCall;
  if (onCall) {
    client.middlewareStack.add(
      (next, context) => (args) => {
        onCall(context.commandName ?? 'unknown', args.input);
        return next(args);
      },
      { step: 'initialize', name: 'recoupCallObserver' },
    );
  }
  return DynamoDBDocumentClient.from(client, {
    marshallOptions: { removeUndefinedValues: true, convertClassInstanceToMap: false },
  });
}
