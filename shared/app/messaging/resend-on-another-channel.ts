/**
 * A case step's message came back undeliverable: the step is deferred to now on the channel that
 * failed and the execution woken; the review asks the gate again, which now refuses that address,
 * and the step goes out on the next channel allowed (shared/domain/cases/channel-fallback.ts).
 */
import { withEvents, type CollectionCase } from '../../domain/cases/collection-case';
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { ContactChannel } from '../../domain/compliance/contact-channel';
import type { DeliveryRef } from '../../ports/delivery-log';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import { workflowActor } from '../cases/system-actor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';

export async function resendOnAnotherChannel(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'cases' | 'workflow'>,
  ref: Extract<DeliveryRef, { kind: 'message' }>,
  step: NonNullable<OutboundMessage['caseStep']>,
  channel: ContactChannel,
  reason: string,
): Promise<void> {
  const deferred = await retryOnConcurrentChange(
    { tenantId: ref.tenantId, debtorId: `${ref.debtorId}#case` },
    async () => {
      const current = await services.cases.current(ref.tenantId, ref.debtorId);
      // One deferred send at a time: a pending one re-asks the gate anyway when it comes due.
      if (!current || current.id !== step.caseId || current.deferred) return false;
      if (current.status === 'closed' || current.status === 'handed_off') return false;
      const now = services.clock.now();
      const at = now.toISOString();
      const after: CollectionCase = {
        ...current,
        deferred: {
          invoiceId: step.invoiceId,
          stepIndex: step.stepIndex,
          channels: [channel],
          notBefore: at,
          reasons: [reason],
        },
        history: withEvents(current, [
          {
            at,
            kind: 'delivery_failed',
            detail: `The ${channel} of step ${step.stepIndex} was ${reason}: it goes out again on another channel`,
            stepIndex: step.stepIndex,
            invoiceId: step.invoiceId,
          },
        ]),
        version: current.version + 1,
      };
      const audit = auditor(services.ids, workflowActor(ref.tenantId), now);
      await services.cases.save(current, after, [], {
        audit: [audit('case', current.id, 'case.delivery_failed', current, after)],
      });
      return true;
    },
  );
  if (deferred) await signalCase(services, ref.tenantId, ref.debtorId, 'delivery failed');
}
