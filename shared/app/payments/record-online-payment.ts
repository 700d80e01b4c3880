/**
 * A payment the provider reports as paid (a verified webhook) becomes a payment on the ledger,
 * applied like any other (oldest due first, the rest as credit), once: the checkout session is its
 * idempotency key, so the provider's redeliveries record nothing more.
 */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/actor';
import type { CheckoutPaid } from '../../ports/payment-provider';
import { IdempotencyRecordExists, type IdempotencyClaim } from '../../ports/write-context';
import type { Services } from '../../runtime/services';
import { signalCase } from '../cases/signal-case';
import { recordPayment } from './record-payment';

export async function recordOnlinePayment(
  services: Pick<
    Services,
    'clock' | 'ids' | 'debtors' | 'ledger' | 'idempotency' | 'policies' | 'cases' | 'workflow'
  >,
  paid: CheckoutPaid,
): Promise<'recorded' | 'duplicate'> {
  const actor: Actor = { sub: 'system:payments', tenantId: paid.tenantId, roles: ['admin'] };
  const claim: IdempotencyClaim = {
    key: `${actor.sub}#checkout:${paid.sessionId}`,
    requestHash: createHash('sha256').update(paid.sessionId).digest('hex'),
    routeId: 'checkoutPaid',
    statusCode: 201,
  };
  if (await services.idempotency.find(paid.tenantId, claim.key)) return 'duplicate';
  try {
    await recordPayment(
      services,
      { actor, idempotency: claim },
      {
        debtorId: paid.debtorId,
        currency: paid.currency,
        amount: paid.amount,
        receivedAt: paid.paidAt.toISOString(),
        method: 'card',
        reference: paid.sessionId,
      },
    );
  } catch (error) {
    if (error instanceof IdempotencyRecordExists) return 'duplicate';
    throw error;
  }
  await signalCase(services, paid.tenantId, paid.debtorId, 'payment received online');
  return 'recorded';
}
