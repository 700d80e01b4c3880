import { SendEmailCommand, type SESv2Client } from '@aws-sdk/client-sesv2';
import type { Deliverable } from '../../domain/messaging/delivery';
import type { ChannelSender } from '../../ports/channel-sender';
import type { DeliveryRef } from '../../ports/delivery-log';
import { DELIVERY_REF_TAG, encodeDeliveryRef } from '../delivery-ref-tag';
import { classifyProviderError } from '../provider-errors';

/** Refusals no retry can pass: the address is malformed, or the message itself is rejected. */
const PERMANENT = ['BadRequestException', 'MessageRejected'];

/**
 * Email through SES v2. The configuration set publishes Send, Delivery, Bounce and Complaint
 * events to EventBridge; the tag names the stored message, so each report finds it.
 */
export class SesEmailSender implements ChannelSender {
  constructor(
    private readonly client: SESv2Client,
    private readonly settings: { from: string; configurationSet: string },
  ) {}

  async send(message: Deliverable, ref: DeliveryRef): Promise<{ providerMessageId: string }> {
    try {
      const result = await this.client.send(
        new SendEmailCommand({
          FromEmailAddress: this.settings.from,
          Destination: { ToAddresses: [message.to] },
          Content: {
            Simple: {
              Subject: { Data: message.subject ?? '', Charset: 'UTF-8' },
              Body: { Text: { Data: message.body, Charset: 'UTF-8' } },
            },
          },
          ConfigurationSetName: this.settings.configurationSet,
          EmailTags: [{ Name: DELIVERY_REF_TAG, Value: encodeDeliveryRef(ref) }],
        }),
      );
      if (!result.MessageId) throw new Error('SES accepted the email without a message id');
      return { providerMessageId: result.MessageId };
    } catch (error) {
      throw classifyProviderError(error, PERMANENT);
    }
  }
}
