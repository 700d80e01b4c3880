import { paymentsFromEnvironment } from '../payment-provider';
import type { ServiceFactory } from '../wire-services';

/** Stripe: only the checkout and webhook functions wire it. */
export const payments: ServiceFactory<'payments'> = () => paymentsFromEnvironment();
