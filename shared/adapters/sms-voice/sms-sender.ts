import { SendTextMessageCommand, type PinpointSMSVoiceV2Client } from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Deliverable } from '../../domain/messaging/delivery';
import type { ChannelSender } from '../../ports/channel-sender';
import type { DeliveryRef } from '../../ports/delivery-log';
import { DELIVERY_REF_TAG, encodeDeliveryRef } from '../delivery-ref-tag';
import { classifyProviderError } from '../provider-errors';

/** A malformed number, or one that opted out at the carrier (ConflictException, DESTINATION_PHONE_NUMBER_OPTED_OUT). */
export const PERMANENT_SMS_VOICE = ['ValidationException', 'ConflictException'];

/**
 * Texts through AWS End User Messaging SMS (pinpoint-sms-voice-v2). Delivery receipts reach
 * EventBridge as "Text Message Delivery Status Updated" with the message's context.
 */
export class SmsSender implements ChannelSender {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly settings: { originationIdentity: string; configurationSet: string },
  ) {}

  async send(message: Deliverable, ref: DeliveryRef): Promise<{ providerMessageId: string }> {
    try {
      const result = await this.client.send(
        new SendTextMessageCommand({
          DestinationPhoneNumber: message.to,
          OriginationIdentity: this.settings.originationIdentity,
          MessageBody: message.body,
          // Debt collection is transactional: it is about an existing account.
          MessageType: 'TRANSACTIONAL',
          ConfigurationSetName: this.settings.configurationSet,
          Context: { [DELIVERY_REF_TAG]: encodeDeliveryRef(ref) },
        }),
      );
      if (!result.MessageId) throw new Error('The SMS service accepted the text without a message id');
      return { providerMessageId: result.MessageId };
    } catch (error) {
      throw classifyProviderError(error, PERMANENT_SMS_VOICE);
    }
  }
}
