import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { currencyCode, positiveMinorUnits } from './common';

export const startCheckoutBody = withMeta(
  z.strictObject({
    currency: currencyCode,
    amount: withMeta(positiveMinorUnits, {
      description: 'At most what is owed (undisputed) in the currency',
    }),
    returnUrl: withMeta(z.url().check(z.maxLength(2000)), {
      description: 'The portal page to come back to (https)',
    }),
  }),
  { id: 'StartCheckout' },
);

export const checkoutView = withMeta(
  z.object({
    url: withMeta(z.url(), { description: "The provider's hosted payment page" }),
    sessionId: z.string(),
  }),
  { id: 'Checkout' },
);

export const webhookAnswer = withMeta(z.object({ received: z.boolean(), recorded: z.boolean() }), {
  id: 'WebhookAnswer',
});
