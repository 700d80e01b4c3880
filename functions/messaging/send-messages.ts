import { provideChannelSenders, services } from '../../shared/runtime/services';
import { sendersFromEnvironment } from '../../shared/runtime/channel-senders';
import { senderHandler } from '../../shared/messaging/messaging-handler';

provideChannelSenders(sendersFromEnvironment);

export const handler = senderHandler(services);
