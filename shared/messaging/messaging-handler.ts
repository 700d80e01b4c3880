/**
 * Lambda wrappers of the messaging pipeline: the sender (fed by the outbox queue, reporting
 * partial batch failures so one bad entry never resends the others), the provider reports
 * (EventBridge) and the inbound texts (SNS from two-way SMS). Powertools as everywhere.
 */
import type { SNSEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import {
  DeliveryPendingError,
  deliverMessage,
  type DeliveryServices,
} from '../app/messaging/deliver-message';
import { recordDeliveryReport, type ReportServices } from '../app/messaging/record-delivery-report';
import { recordInboundText, type InboundText } from '../app/messaging/record-inbound-text';
import { lambdaHandler } from '../observability/lambda-handler';
import { forEachConcurrently } from '../runtime/for-each-concurrently';
import { logger, metrics } from '../observability/powertools';
import { parseOutboxEntry } from './outbox-entry';
import { readProviderEvent, type ProviderEvent } from './provider-events';

/** Messages of one batch in flight at once: the providers' send rates are the limit, not the CPU. */
const CONCURRENCY = 5;

export function senderHandler(services: () => DeliveryServices) {
  return lambdaHandler<SQSEvent, SQSBatchResponse>(async (event) => {
    const failures: SQSBatchResponse['batchItemFailures'] = [];
    await forEachConcurrently(event.Records, CONCURRENCY, async (record) => {
      const ref = parseOutboxEntry(record.body);
      if (!ref) {
        // Can never succeed: logged and let go rather than retried into the dead-letter queue.
        logger.error('Malformed outbox entry', { messageId: record.messageId });
        return;
      }
      try {
        const outcome = await deliverMessage(services(), ref);
        metrics.addMetric(`Messages_${outcome}`, 'Count', 1);
      } catch (error) {
        failures.push({ itemIdentifier: record.messageId });
        if (error instanceof DeliveryPendingError) {
          metrics.addMetric('MessagesPending', 'Count', 1);
        } else {
          metrics.addMetric('MessageSendFailures', 'Count', 1);
          logger.error('Message send failed', { message: ref.id, error: error as Error });
        }
      }
    });
    return { batchItemFailures: failures };
  });
}

export function deliveryReportHandler(services: () => ReportServices) {
  return lambdaHandler<ProviderEvent, void>(async (event) => {
    const read = readProviderEvent(event);
    if (!read) return;
    const outcome = await recordDeliveryReport(services(), read.ref, read.report);
    metrics.addMetric(`DeliveryReports_${read.report.kind}`, 'Count', 1);
    logger.info('Delivery report', { message: read.ref.id, kind: read.report.kind, outcome });
  });
}

/** Two-way SMS publishes each reply to SNS as JSON (`originationNumber`, `messageBody`…). */
export function inboundTextHandler(services: () => Parameters<typeof recordInboundText>[0]) {
  return lambdaHandler<SNSEvent, void>(async (event) => {
    for (const record of event.Records) {
      const text = inboundTextOf(record.Sns.Message, record.Sns.Timestamp);
      if (!text) {
        logger.error('Unreadable inbound text', { messageId: record.Sns.MessageId });
        continue;
      }
      const outcome = await recordInboundText(services(), text);
      metrics.addMetric(`InboundTexts_${outcome.keyword}`, 'Count', 1);
    }
  });
}

export function inboundTextOf(message: string, timestamp: string): InboundText | undefined {
  try {
    const parsed = JSON.parse(message) as { originationNumber?: unknown; messageBody?: unknown };
    if (typeof parsed.originationNumber !== 'string' || typeof parsed.messageBody !== 'string')
      return undefined;
    return { from: parsed.originationNumber, body: parsed.messageBody, at: new Date(timestamp) };
  } catch {
    return undefined;
  }
}
