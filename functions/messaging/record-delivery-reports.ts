import { services } from '../../shared/runtime/services';
import { deliveryReportHandler } from '../../shared/messaging/messaging-handler';

export const handler = deliveryReportHandler(services);
