import * as z from 'zod';
import { currencyCode, positiveMinorUnits } from './common';

export const startCheckoutBody = z
  .strictObject({
    currency: currencyCode,
    amount: positiveMinorUnits.meta({ description: 'At most what is owed (undisputed) in the currency' }),
    returnUrl: z.url().max(2000).meta({ description: 'The portal page to come back to (https)' }),
  })
  .meta({ id: 'StartCheckout' });

export const checkoutView = z
  .object({
    url: z.url().meta({ description: "The provider's hosted payment page" }),
    sessionId: z.string(),
  })
  .meta({ id: 'Checkout' });

export const webhookAnswer = z
  .object({ received: z.boolean(), recorded: z.boolean() })
  .meta({ id: 'WebhookAnswer' });
