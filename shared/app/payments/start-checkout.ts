/**
 * A debtor (or a collector on the phone with them) starts paying online: a hosted checkout for an
 * amount owed in one currency — never more than is owed in it — that brings them back to the
 * portal. The money is recorded when the provider's signed webhook says it was paid.
 */
import { ValidationError } from '../../domain/errors';
import { outstanding } from '../../domain/invoices/invoice';
import { isCurrencyCode } from '../../domain/money/currencies';
import { formatMoney } from '../../domain/money/money';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { findVisibleDebtor } from '../debtors/find-debtor';

/** Where the checkout may send the payer back: the portal, over HTTPS (or on this machine). */
function returnUrlOf(text: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw new ValidationError([{ path: 'returnUrl', message: 'must be an absolute URL' }]);
  }
  const local = url.protocol === 'http:' && (url.hostname === 'localhost' || url.hostname === '127.0.0.1');
  if ((url.protocol !== 'https:' && !local) || !url.pathname.startsWith('/portal')) {
    throw new ValidationError([{ path: 'returnUrl', message: 'must be the portal, over https' }]);
  }
  return url;
}

export async function startCheckout(
  services: Pick<Services, 'ids' | 'debtors' | 'ledger' | 'payments'>,
  context: UseCaseContext,
  debtorId: string,
  request: { currency: string; amount: number; returnUrl: string },
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const returnUrl = returnUrlOf(request.returnUrl);
  const { invoices } = await services.ledger.snapshot(debtor.tenantId, debtor.id);
  const owed = invoices
    .filter((invoice) => invoice.currency === request.currency && invoice.openDisputeId === undefined)
    .reduce((total, invoice) => total + outstanding(invoice), 0);
  if (owed === 0) {
    throw new ValidationError([
      { path: 'currency', message: `nothing undisputed is owed in ${request.currency}` },
    ]);
  }
  if (request.amount > owed) {
    const limit = isCurrencyCode(request.currency)
      ? formatMoney({ amount: owed, currency: request.currency }, 'en-US')
      : String(owed);
    throw new ValidationError([{ path: 'amount', message: `must not exceed what is owed: ${limit}` }]);
  }
  const success = new URL(returnUrl);
  success.searchParams.set('paid', '1');
  const session = await services.payments.createCheckout({
    tenantId: debtor.tenantId,
    debtorId: debtor.id,
    currency: request.currency,
    amount: request.amount,
    description: `Payment on account ${debtor.externalRef ?? debtor.id}`,
    successUrl: success.toString(),
    cancelUrl: returnUrl.toString(),
    // A retried request (same Idempotency-Key) gets the same checkout, not a second one.
    idempotencyKey: `${debtor.tenantId}:${debtor.id}:${context.idempotency?.key ?? services.ids.next('chk')}`,
    ...(debtor.email ? { customerEmail: debtor.email } : {}),
  });
  return { url: session.url, sessionId: session.sessionId };
}
