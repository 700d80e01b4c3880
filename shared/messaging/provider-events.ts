/**
 * The providers' reports, as EventBridge delivers them, read into delivery reports:
 * - SES v2 configuration-set events (`source: aws.ses`): Send, Delivery, Bounce (Permanent bounces
 *   suppress the address), Complaint, Reject, Rendering Failure;
 * - AWS End User Messaging SMS and voice status events (`source: aws.sms-voice`).
 * Anything that is not about one of our messages (no tag) is ignored.
 */
import { decodeDeliveryRef, DELIVERY_REF_TAG } from '../adapters/delivery-ref-tag';
import type { DeliveryReport } from '../app/messaging/record-delivery-report';
import type { DeliveryRef } from '../ports/delivery-log';

export interface ProviderEvent {
  source?: string;
  'detail-type'?: string;
  time?: string;
  detail?: Record<string, unknown>;
}

export interface ReadReport {
  ref: DeliveryRef;
  report: DeliveryReport;
}

type Detail = Record<string, unknown>;
const object = (value: unknown): Detail => (value && typeof value === 'object' ? (value as Detail) : {});
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

function sesReport(detail: Detail, time: Date): ReadReport | undefined {
  const mail = object(detail.mail);
  const tags = object(mail.tags);
  const tag = Array.isArray(tags[DELIVERY_REF_TAG])
    ? text((tags[DELIVERY_REF_TAG] as unknown[])[0])
    : undefined;
  const ref = decodeDeliveryRef(tag);
  if (!ref) return undefined;
  const providerMessageId = text(mail.messageId);
  const base = { at: time, ...(providerMessageId ? { providerMessageId } : {}) };
  switch (text(detail.eventType)) {
    case 'Send':
      return { ref, report: { kind: 'sent', ...base } };
    case 'Delivery':
      return { ref, report: { kind: 'delivered', ...base } };
    case 'Bounce': {
      const bounce = object(detail.bounce);
      const permanent = text(bounce.bounceType) === 'Permanent';
      return {
        ref,
        report: {
          // A transient bounce (mailbox full) is a failed attempt, not a dead address.
          kind: permanent ? 'bounced' : 'failed',
          ...base,
          permanent,
          detail: `Bounce ${text(bounce.bounceType) ?? ''}/${text(bounce.bounceSubType) ?? ''}`,
        },
      };
    }
    case 'Complaint':
      return { ref, report: { kind: 'complained', ...base, permanent: true, detail: 'Complaint' } };
    case 'Reject':
      return {
        ref,
        report: { kind: 'failed', ...base, detail: `Rejected: ${text(object(detail.reject).reason) ?? ''}` },
      };
    case 'Rendering Failure':
      return { ref, report: { kind: 'failed', ...base, detail: 'Rendering failure' } };
    default:
      return undefined;
  }
}

/** Status events of texts and voice calls; the final ones that say the number is no good suppress it. */
const SMS_VOICE_OUTCOMES: Record<string, Pick<DeliveryReport, 'kind' | 'permanent'>> = {
  TEXT_SUCCESSFUL: { kind: 'sent' },
  TEXT_DELIVERED: { kind: 'delivered' },
  TEXT_INVALID: { kind: 'bounced', permanent: true },
  TEXT_UNREACHABLE: { kind: 'bounced', permanent: true },
  TEXT_BLOCKED: { kind: 'bounced', permanent: true },
  TEXT_CARRIER_BLOCKED: { kind: 'failed' },
  TEXT_CARRIER_UNREACHABLE: { kind: 'failed' },
  TEXT_INVALID_MESSAGE: { kind: 'failed' },
  TEXT_SPAM: { kind: 'failed' },
  TEXT_TTL_EXPIRED: { kind: 'failed' },
  TEXT_UNKNOWN: { kind: 'failed' },
  VOICE_INITIATED: { kind: 'sent' },
  VOICE_COMPLETED: { kind: 'delivered' },
  VOICE_ANSWERED: { kind: 'delivered' },
  VOICE_BUSY: { kind: 'failed' },
  VOICE_NO_ANSWER: { kind: 'failed' },
  VOICE_FAILED: { kind: 'failed' },
  VOICE_TTL_EXPIRED: { kind: 'failed' },
};

function smsVoiceReport(detail: Detail, time: Date): ReadReport | undefined {
  const ref = decodeDeliveryRef(text(object(detail.context)[DELIVERY_REF_TAG]));
  const eventType = text(detail.eventType);
  const outcome = eventType ? SMS_VOICE_OUTCOMES[eventType] : undefined;
  if (!ref || !outcome) return undefined;
  const providerMessageId = text(detail.messageId);
  const at = typeof detail.eventTimestamp === 'number' ? new Date(detail.eventTimestamp) : time;
  return {
    ref,
    report: {
      ...outcome,
      at,
      ...(providerMessageId ? { providerMessageId } : {}),
      ...(outcome.kind === 'sent' || outcome.kind === 'delivered' ? {} : { detail: eventType }),
    },
  };
}

export function readProviderEvent(event: ProviderEvent): ReadReport | undefined {
  const time = new Date(event.time ?? 0);
  if (event.source === 'aws.ses') return sesReport(object(event.detail), time);
  if (event.source === 'aws.sms-voice') return smsVoiceReport(object(event.detail), time);
  return undefined;
}
