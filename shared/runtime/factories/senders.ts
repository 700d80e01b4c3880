import { sendersFromEnvironment } from '../channel-senders';
import type { ServiceFactory } from '../wire-services';

/** SES, End User Messaging and the letters bucket: only the sender function wires them. */
export const senders: ServiceFactory<'senders'> = ({ clock }) => sendersFromEnvironment(clock);
