import { WRITE_ROLES } from '../../domain/roles';
import { defineRoute } from '../route';
import { checkoutView, startCheckoutBody, webhookAnswer } from '../schemas/online-payments';
import { debtorParams } from './debtors';

export const startCheckout = defineRoute({
  id: 'startCheckout',
  method: 'POST',
  path: '/v1/debtors/{id}/checkout',
  handlerEntry: 'functions/api/online-payments/start-checkout.ts',
  summary: 'Start paying online: a hosted checkout for an amount owed in one currency',
  tag: 'OnlinePayments',
  auth: { kind: 'jwt', roles: [...WRITE_ROLES, 'debtor'] },
  request: { params: debtorParams, body: startCheckoutBody },
  responses: { 201: { description: 'Go to the URL to pay', schema: checkoutView } },
  idempotent: true,
  paymentProvider: true,
});

export const paymentWebhook = defineRoute({
  id: 'paymentWebhook',
  method: 'POST',
  path: '/v1/webhooks/stripe',
  handlerEntry: 'functions/api/online-payments/payment-webhook.ts',
  summary: 'Stripe webhook: a paid checkout becomes a payment (signature verified, applied once)',
  tag: 'OnlinePayments',
  // No token: Stripe signs the body (Stripe-Signature) and the handler verifies it first.
  auth: { kind: 'signed', by: 'stripe' },
  paymentProvider: true,
  // The payment it records can close the debtor's case (the use case wakes it: the debtor is in the event).
  signalsCase: true,
  request: {},
  responses: { 200: { description: 'Received', schema: webhookAnswer } },
});
