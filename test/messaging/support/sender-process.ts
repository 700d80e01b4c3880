/**
 * One sender container, as Lambda runs it: the deployed handler module with the real channel
 * adapters, pointed at the local stand-ins and the shared DynamoDB Local. It reads one SQS batch
 * from stdin, handles it and prints the batch response. `CLOCK_OFFSET_MS` moves its clock (a
 * container that starts minutes later).
 */
import { createServices, useServices } from '../../../shared/runtime/services';
import { createChannelSenders } from '../../../shared/runtime/channel-senders';

process.env.POWERTOOLS_TRACE_ENABLED = 'false';
process.env.POWERTOOLS_METRICS_DISABLED = 'true';
process.env.POWERTOOLS_LOG_LEVEL = 'ERROR';

const offset = Number(process.env.CLOCK_OFFSET_MS ?? '0');
const clock = { now: () => new Date(Date.now() + offset) };
const endpoint = process.env.PROVIDERS_ENDPOINT!;
useServices(
  createServices({
    tableName: process.env.TABLE_NAME!,
    dynamoDbEndpoint: process.env.DYNAMODB_ENDPOINT!,
    clock,
    senders: createChannelSenders(
      {
        emailFrom: 'collections@recoup.local',
        emailConfigurationSet: 'recoup-test',
        smsOriginationIdentity: '+15550100000',
        smsConfigurationSet: 'recoup-test',
        lettersBucket: 'recoup-letters',
        endpoints: { ses: endpoint, smsVoice: endpoint, s3: endpoint },
        credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
        region: 'us-east-1',
      },
      clock,
    ),
  }),
);

const { handler } = await import('../../../functions/messaging/send-messages');
let input = '';
for await (const chunk of process.stdin) input += String(chunk);
const response = await handler(JSON.parse(input), {
  functionName: 'send-messages',
  awsRequestId: 'local',
  getRemainingTimeInMillis: () => 60_000,
} as never);
process.stdout.write(`${JSON.stringify(response)}\n`);
