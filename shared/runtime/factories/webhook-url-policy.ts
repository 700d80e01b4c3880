import type { ServiceFactory } from '../wire-services';

/** Deployed endpoints must be HTTPS; only the local runtime accepts http://localhost. */
export const webhookUrlPolicy: ServiceFactory<'webhookUrlPolicy'> = () => 'https_only';
