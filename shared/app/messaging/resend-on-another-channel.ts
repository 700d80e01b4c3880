/**
 * A case step's message came back undeliverable: the step is deferred to now on the channel that
 * failed and the execution woken; the review asks the gate again, which now refuses that address,
 * and the step goes out on the next channel allowed (shared/domain/cases/channel-fallback.ts).
 * One conditional write defers and signals together, so a review in flight starts again and a
 * parked execution is woken — never left parked with the change unseen.
 */
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { ContactChannel } from '../../domain/compliance/contact-channel';
import type { DeliveryRef } from '../../ports/delivery-log';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { workflowActor } from '../cases/system-actor';

export async function resendOnAnotherChannel(
  services: Pick<Services, 'clock' | 'ids' | 'cases' | 'workflow'>,
  ref: Extract<DeliveryRef, { kind: 'message' }>,
  step: NonNullable<OutboundMessage['caseStep']>,
  channel: ContactChannel,
  reason: string,
): Promise<void> {
  const now = services.clock.now();
  const at = now.toISOString();
  const deferred = {
    invoiceId: step.invoiceId,
    stepIndex: step.stepIndex,
    channels: [channel],
    notBefore: at,
    reasons: [reason],
  };
  const audit = auditor(services.ids, workflowActor(ref.tenantId), now);
  const outcome = await services.cases.deferSend(
    ref.tenantId,
    ref.debtorId,
    step.caseId,
    deferred,
    {
      at,
      kind: 'delivery_failed',
      detail: `The ${channel} of step ${step.stepIndex} was ${reason}: it goes out again on another channel`,
      stepIndex: step.stepIndex,
      invoiceId: step.invoiceId,
    },
    { audit: [audit('case', step.caseId, 'case.delivery_failed', { deferred: null }, { deferred })] },
  );
  if (outcome?.token) await services.workflow.wake(outcome.token, `${channel} ${reason}`);
}
