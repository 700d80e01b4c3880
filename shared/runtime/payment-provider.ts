/**
 * The payment provider of the functions that take card payments: Stripe, with its keys from
 * Secrets Manager (`STRIPE_SECRET_ARN`, a JSON secret `{secretKey, webhookSecret}`), read once per
 * container on first use. Only the checkout and webhook functions import this module, so only
 * their bundles carry the Stripe client.
 */
import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { StripePayments } from '../adapters/stripe/stripe-payments';
import { tracer } from '../observability/powertools';
import type { PaymentProvider } from '../ports/payment-provider';

export function paymentsFromEnvironment(): PaymentProvider {
  let loaded: Promise<StripePayments> | undefined;
  const load = () =>
    (loaded ??= (async () => {
      const secretId = process.env.STRIPE_SECRET_ARN;
      if (!secretId) throw new Error('STRIPE_SECRET_ARN is not set');
      const client = tracer.captureAWSv3Client(new SecretsManagerClient({}));
      const secret = await client.send(new GetSecretValueCommand({ SecretId: secretId }));
      const keys = JSON.parse(secret.SecretString ?? '{}') as { secretKey?: string; webhookSecret?: string };
      if (!keys.secretKey || !keys.webhookSecret) {
        throw new Error('The Stripe secret must hold {"secretKey": "...", "webhookSecret": "..."}');
      }
      return new StripePayments({ secretKey: keys.secretKey, webhookSecret: keys.webhookSecret });
    })());
  return {
    createCheckout: async (request) => (await load()).createCheckout(request),
    readWebhook: async (body, signature) => (await load()).readWebhook(body, signature),
  };
}
