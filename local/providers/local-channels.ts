/**
 * The messaging pipeline on one machine: the outbox queue feeds the sender Lambda handler, whose
 * real channel adapters (SES v2, End User Messaging, S3) talk to the local stand-ins; every message
 * a stand-in accepts lands in the outbox served at `GET /dev/outbox`, and the stand-ins' events
 * go to the delivery-report handler as EventBridge would deliver them. The same S3 stand-in keeps
 * documents, and its storage events go to the document check.
 */
import type { SQSBatchResponse } from 'aws-lambda';
import { decodeDeliveryRef } from '../../shared/adapters/delivery-ref-tag';
import type { Clock } from '../../shared/ports/clock';
import type { ChannelSenders } from '../../shared/ports/channel-sender';
import type { DeliveryLog } from '../../shared/ports/delivery-log';
import type { ProviderEvent } from '../../shared/messaging/provider-events';
import { createChannelSenders } from '../../shared/runtime/channel-senders';
import { lambdaContext } from '../server/api-gateway-event';
import type { LocalOutbox } from '../outbox/local-outbox';
import { LocalQueue } from '../outbox/local-queue';
import type { StorageEvent } from '../../shared/documents/storage-events';
import { LOCAL_S3_CREDENTIALS, LocalProviders, type AcceptedMessage } from './local-providers';

/** As deployed: the sender's visibility timeout and receive count before the dead letters. */
export const OUTBOX_VISIBILITY_TIMEOUT_MS = 2 * 60_000;
export const OUTBOX_MAX_RECEIVES = 10;
export const LETTERS_BUCKET = 'recoup-letters';
export const DOCUMENTS_BUCKET = 'recoup-documents';

export interface LocalChannels {
  queue: LocalQueue;
  providers: LocalProviders;
  senders: ChannelSenders;
  /** Connects the handlers once the services (which hold the senders) are in use. */
  connect(deliveryLog: DeliveryLog): void;
}

export async function startLocalChannels(options: {
  clock: Clock;
  outbox: LocalOutbox;
  queueFile?: string;
  lettersDir?: string;
}): Promise<LocalChannels> {
  let deliveryLog: DeliveryLog | undefined;
  let reportHandler: ((event: ProviderEvent) => Promise<void>) | undefined;
  let storageHandler: ((event: StorageEvent) => Promise<void>) | undefined;
  const record = async (accepted: AcceptedMessage) => {
    const ref = decodeDeliveryRef(accepted.ref);
    const stored = ref && deliveryLog ? await deliveryLog.read(ref) : undefined;
    options.outbox.record({
      id: ref?.id ?? accepted.providerMessageId,
      tenantId: ref?.tenantId ?? '',
      ...(stored?.debtorId ? { debtorId: stored.debtorId } : {}),
      channel: accepted.channel,
      to: stored?.to ?? accepted.to,
      ...(stored?.template ? { template: stored.template } : {}),
      ...((accepted.subject ?? stored?.subject) ? { subject: accepted.subject ?? stored?.subject } : {}),
      body: accepted.channel === 'letter' ? (stored?.body ?? '') : accepted.body,
      ...(stored && 'obligations' in stored ? { obligations: stored.obligations as string[] } : {}),
      providerMessageId: accepted.providerMessageId,
      ...(accepted.objectKey ? { document: `/dev/${accepted.objectKey}` } : {}),
      sentAt: options.clock.now().toISOString(),
    });
  };
  const providers = new LocalProviders({
    clock: options.clock,
    ...(options.lettersDir ? { objectsDir: options.lettersDir } : {}),
    onAccepted: record,
    onEvent: async (event) => {
      await reportHandler?.(event);
    },
    credentials: LOCAL_S3_CREDENTIALS,
    onStorageEvent: async (event) => {
      await storageHandler?.(event);
    },
  });
  const endpoint = await providers.start();
  const senders = createChannelSenders(
    {
      emailFrom: 'collections@recoup.local',
      emailConfigurationSet: 'recoup-local',
      smsOriginationIdentity: '+15550100000',
      smsConfigurationSet: 'recoup-local',
      lettersBucket: LETTERS_BUCKET,
      endpoints: { ses: endpoint, smsVoice: endpoint, s3: endpoint },
      credentials: LOCAL_S3_CREDENTIALS,
      region: 'us-east-1',
    },
    options.clock,
  );
  const queue = new LocalQueue(options.clock, {
    visibilityTimeoutMs: OUTBOX_VISIBILITY_TIMEOUT_MS,
    maxReceives: OUTBOX_MAX_RECEIVES,
    ...(options.queueFile ? { file: options.queueFile } : {}),
  });
  return {
    queue,
    providers,
    senders,
    connect(log: DeliveryLog) {
      deliveryLog = log;
      // The deployed handlers, loaded once the services they use are in place.
      const sender = import('../../functions/messaging/send-messages');
      const reports = import('../../functions/messaging/record-delivery-reports');
      const documents = import('../../functions/documents/check-stored-document');
      queue.consumeWith(
        async (event) =>
          (await (await sender).handler(event, lambdaContext('send-messages'))) as SQSBatchResponse,
      );
      reportHandler = async (event) => {
        await (await reports).handler(event, lambdaContext('record-delivery-reports'));
      };
      // The rule on the documents bucket's events, as deployed (infra/constructs/document-storage.ts).
      storageHandler = async (event) => {
        await (await documents).handler(event, lambdaContext('check-stored-document'));
      };
    },
  };
}
