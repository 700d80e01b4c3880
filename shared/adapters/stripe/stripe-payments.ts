/**
 * Stripe Checkout: a hosted payment page per request (idempotent on our key), and webhooks
 * verified with the endpoint's signing secret before anything is read from them
 * (`Stripe-Signature`, HMAC-SHA256 over the timestamp and the raw body, five minutes' tolerance).
 * Amounts are minor units as Stripe counts them; for three-decimal currencies Stripe takes only
 * multiples of ten.
 */
import Stripe from 'stripe';
import { currencyExponent, isCurrencyCode } from '../../domain/money/currencies';
import { ValidationError } from '../../domain/errors';
import {
  InvalidWebhookError,
  type CheckoutPaid,
  type CheckoutRequest,
  type PaymentProvider,
} from '../../ports/payment-provider';

export interface StripeSettings {
  secretKey: string;
  webhookSecret: string;
  /** A local stand-in of the Stripe API (tests, `npm start`). */
  endpoint?: { host: string; port: number; protocol: 'http' | 'https' };
}

export class StripePayments implements PaymentProvider {
  private readonly stripe: Stripe;

  constructor(private readonly settings: StripeSettings) {
    this.stripe = new Stripe(settings.secretKey, {
      maxNetworkRetries: 2,
      telemetry: false,
      ...(settings.endpoint ?? {}),
    });
  }

  async createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }> {
    if (
      isCurrencyCode(request.currency) &&
      currencyExponent(request.currency) === 3 &&
      request.amount % 10 !== 0
    ) {
      throw new ValidationError([
        { path: 'amount', message: `card payments in ${request.currency} must be a multiple of 0.010` },
      ]);
    }
    const metadata = { tenantId: request.tenantId, debtorId: request.debtorId };
    const session = await this.stripe.checkout.sessions.create(
      {
        mode: 'payment',
        line_items: [
          {
            quantity: 1,
            price_data: {
              currency: request.currency.toLowerCase(),
              unit_amount: request.amount,
              product_data: { name: request.description },
            },
          },
        ],
        client_reference_id: request.debtorId,
        metadata,
        payment_intent_data: { metadata },
        success_url: request.successUrl,
        cancel_url: request.cancelUrl,
        ...(request.customerEmail ? { customer_email: request.customerEmail } : {}),
      },
      { idempotencyKey: request.idempotencyKey },
    );
    if (!session.url) throw new Error('Stripe returned a checkout session without a URL');
    return { sessionId: session.id, url: session.url };
  }

  async readWebhook(rawBody: string, signature: string | undefined): Promise<CheckoutPaid | undefined> {
    if (!signature) throw new InvalidWebhookError('No Stripe-Signature header');
    let event: Stripe.Event;
    try {
      event = this.stripe.webhooks.constructEvent(rawBody, signature, this.settings.webhookSecret);
    } catch (error) {
      throw new InvalidWebhookError((error as Error).message);
    }
    if (
      event.type !== 'checkout.session.completed' &&
      event.type !== 'checkout.session.async_payment_succeeded'
    ) {
      return undefined;
    }
    const session = event.data.object;
    // Bank debits complete later: their money is recorded when async_payment_succeeded arrives.
    if (session.payment_status !== 'paid' || !session.currency || session.amount_total === null)
      return undefined;
    const tenantId = session.metadata?.tenantId;
    const debtorId = session.metadata?.debtorId;
    if (!tenantId || !debtorId) return undefined;
    return {
      kind: 'checkout_paid',
      eventId: event.id,
      sessionId: session.id,
      tenantId,
      debtorId,
      currency: session.currency.toUpperCase(),
      amount: session.amount_total,
      paidAt: new Date(event.created * 1000),
    };
  }
}
