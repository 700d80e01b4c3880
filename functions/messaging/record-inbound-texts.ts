import { services } from '../../shared/runtime/services';
import { inboundTextHandler } from '../../shared/messaging/messaging-handler';

export const handler = inboundTextHandler(services);
