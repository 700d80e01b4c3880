/** Online payment by the debtor: a hosted checkout page, and the provider's signed reports. */
export interface CheckoutRequest {
  tenantId: string;
  debtorId: string;
  currency: string;
  /** Minor units. */
  amount: number;
  description: string;
  successUrl: string;
  cancelUrl: string;
  /** The provider applies a repeated request once. */
  idempotencyKey: string;
  customerEmail?: string;
}

export interface CheckoutPaid {
  kind: 'checkout_paid';
  /** The provider's id of the event (a redelivered event has the same id). */
  eventId: string;
  sessionId: string;
  tenantId: string;
  debtorId: string;
  currency: string;
  amount: number;
  paidAt: Date;
}

export interface PaymentProvider {
  createCheckout(request: CheckoutRequest): Promise<{ sessionId: string; url: string }>;
  /**
   * Verifies the signature of a webhook delivery and reads it: the payment it reports, or
   * undefined for an event that records nothing. Throws InvalidWebhookError when not genuine.
   */
  readWebhook(rawBody: string, signature: string | undefined): Promise<CheckoutPaid | undefined>;
}

export class InvalidWebhookError extends Error {
  constructor(reason: string) {
    super(reason);
    this.name = 'InvalidWebhookError';
  }
}
