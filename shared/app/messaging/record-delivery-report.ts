/**
 * A provider's report on a message (SES event, SMS delivery receipt, or the sender's own
 * "undeliverable"): the message's state moves on (never back), the contact it recorded shows the
 * delivery, and an address that cannot be written to is suppressed — the workflow then sends the
 * step again on the next channel the gate allows.
 */
import { withSuppression, type SuppressedChannel } from '../../domain/compliance/contact-profile';
import { afterDeliveryEvent, type DeliveryEvent } from '../../domain/messaging/delivery';
import { ConcurrentChangeError } from '../../ports/concurrent-change';
import type { DeliveryRecord, DeliveryRef } from '../../ports/delivery-log';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { resendOnAnotherChannel } from './resend-on-another-channel';

export type ReportServices = Pick<
  Services,
  'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'contacts' | 'cases' | 'workflow' | 'deliveryLog'
>;

export interface DeliveryReport extends DeliveryEvent {
  /** The address is dead for this channel (hard bounce, complaint, invalid number). */
  permanent?: boolean;
}

export type ReportOutcome = 'recorded' | 'unchanged' | 'unknown';

const ATTEMPTS = 5;

export async function recordDeliveryReport(
  services: ReportServices,
  ref: DeliveryRef,
  report: DeliveryReport,
): Promise<ReportOutcome> {
  let record: DeliveryRecord | undefined;
  for (let attempt = 1; ; attempt += 1) {
    record = await services.deliveryLog.read(ref);
    if (!record) return 'unknown';
    const next = afterDeliveryEvent(record, report);
    if (!next) return 'unchanged';
    if (await services.deliveryLog.transition(ref, record, next)) {
      record = { ...record, ...next };
      break;
    }
    if (attempt === ATTEMPTS) throw new ConcurrentChangeError(`Delivery state of ${ref.id} keeps moving`);
  }
  if (ref.kind !== 'message') return 'recorded';
  if (record.activity) {
    await services.contacts.recordDelivery(ref.tenantId, ref.debtorId, record.activity, {
      status: record.status,
      at: report.at.toISOString(),
      ...(record.failure ? { failure: record.failure } : {}),
    });
  }
  const suppressed: SuppressedChannel | undefined =
    record.channel === 'email' ? 'email' : record.channel === 'sms' ? 'sms' : undefined;
  const dead = report.kind === 'complained' || (report.permanent === true && report.kind !== 'delivered');
  if (dead && suppressed && record.to) {
    await suppress(services, ref, suppressed, record.to, report);
    // A message the debtor received and complained about is not sent again by other means.
    if (record.caseStep && report.kind !== 'complained') {
      await resendOnAnotherChannel(services, ref, record.caseStep, suppressed, report.kind);
    }
  }
  return 'recorded';
}

async function suppress(
  services: ReportServices,
  ref: Extract<DeliveryRef, { kind: 'message' }>,
  channel: SuppressedChannel,
  address: string,
  report: DeliveryReport,
): Promise<void> {
  const actor = { sub: 'system:delivery', tenantId: ref.tenantId, roles: ['admin' as const] };
  await retryOnConcurrentChange({ tenantId: ref.tenantId, debtorId: ref.debtorId }, async () => {
    const now = services.clock.now();
    const { profile: before } = await services.contacts.recent(ref.tenantId, ref.debtorId, now);
    if (before.suppressed?.[channel]?.address === address) return;
    const after = withSuppression(
      before,
      channel,
      {
        address,
        reason:
          report.kind === 'complained' ? 'complained' : report.kind === 'bounced' ? 'bounced' : 'failed',
        at: report.at.toISOString(),
      },
      now,
    );
    const audit = auditor(services.ids, actor, now);
    await services.contacts.save(
      { profile: { before, after } },
      { audit: [audit('debtor', ref.debtorId, `contact.${channel}.suppressed`, before, after)] },
    );
  });
}
