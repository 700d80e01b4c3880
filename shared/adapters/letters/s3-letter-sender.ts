import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { Deliverable } from '../../domain/messaging/delivery';
import type { Clock } from '../../ports/clock';
import type { ChannelSender } from '../../ports/channel-sender';
import type { DeliveryRef } from '../../ports/delivery-log';
import { localDate } from '../../domain/time/calendar-date';
import { classifyProviderError } from '../provider-errors';
import { DELIVERY_REF_TAG, encodeDeliveryRef } from '../delivery-ref-tag';
import { renderLetterPdf } from './letter-pdf';

/**
 * Letters are rendered to PDF and dropped in the letters bucket, where the print-and-mail
 * provider collects them (`letters/<tenant>/<message id>.pdf`). The write is conditional
 * (`If-None-Match: *`): a second attempt finds the letter there and sends nothing twice.
 */
export class S3LetterSender implements ChannelSender {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
    private readonly clock: Clock,
  ) {}

  static keyOf(ref: DeliveryRef): string {
    return `letters/${ref.tenantId}/${ref.id}.pdf`;
  }

  async send(message: Deliverable, ref: DeliveryRef): Promise<{ providerMessageId: string }> {
    const key = S3LetterSender.keyOf(ref);
    const pdf = await renderLetterPdf({
      to: message.to,
      ...(message.subject ? { subject: message.subject } : {}),
      body: message.body,
      date: localDate(this.clock.now(), 'UTC'),
      reference: ref.id,
    });
    try {
      await this.client.send(
        new PutObjectCommand({
          Bucket: this.bucket,
          Key: key,
          Body: pdf,
          ContentType: 'application/pdf',
          // The provider's reports (printed, returned as undeliverable) name the stored message.
          Metadata: { [DELIVERY_REF_TAG]: encodeDeliveryRef(ref) },
          IfNoneMatch: '*',
        }),
      );
    } catch (error) {
      // Already dropped by an earlier attempt: that was the send.
      if ((error as { $metadata?: { httpStatusCode?: number } }).$metadata?.httpStatusCode === 412) {
        return { providerMessageId: key };
      }
      throw classifyProviderError(error, []);
    }
    return { providerMessageId: key };
  }
}
