import {
  SendVoiceMessageCommand,
  type PinpointSMSVoiceV2Client,
  type VoiceId,
} from '@aws-sdk/client-pinpoint-sms-voice-v2';
import type { Deliverable } from '../../domain/messaging/delivery';
import type { ChannelSender } from '../../ports/channel-sender';
import type { DeliveryRef } from '../../ports/delivery-log';
import { DELIVERY_REF_TAG, encodeDeliveryRef } from '../delivery-ref-tag';
import { classifyProviderError } from '../provider-errors';
import { PERMANENT_SMS_VOICE } from './sms-sender';

/** A voice that speaks the message's language. */
const VOICES: Record<string, VoiceId> = { en: 'JOANNA', de: 'VICKI' };

/** Automated voice reminders: the text read out by text-to-speech through AWS End User Messaging. */
export class VoiceSender implements ChannelSender {
  constructor(
    private readonly client: PinpointSMSVoiceV2Client,
    private readonly settings: { originationIdentity: string; configurationSet: string },
  ) {}

  async send(message: Deliverable, ref: DeliveryRef): Promise<{ providerMessageId: string }> {
    try {
      const result = await this.client.send(
        new SendVoiceMessageCommand({
          DestinationPhoneNumber: message.to,
          OriginationIdentity: this.settings.originationIdentity,
          MessageBody: message.body,
          MessageBodyTextType: 'TEXT',
          VoiceId: VOICES[message.language ?? 'en'] ?? VOICES.en,
          ConfigurationSetName: this.settings.configurationSet,
          Context: { [DELIVERY_REF_TAG]: encodeDeliveryRef(ref) },
        }),
      );
      if (!result.MessageId) throw new Error('The voice service accepted the call without a message id');
      return { providerMessageId: result.MessageId };
    } catch (error) {
      throw classifyProviderError(error, PERMANENT_SMS_VOICE);
    }
  }
}
