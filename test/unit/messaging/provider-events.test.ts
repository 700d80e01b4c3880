import { encodeDeliveryRef, decodeDeliveryRef } from '../../../shared/adapters/delivery-ref-tag';
import { readProviderEvent } from '../../../shared/messaging/provider-events';
import { inboundTextOf } from '../../../shared/messaging/messaging-handler';
import { renderLetterPdf } from '../../../shared/adapters/letters/letter-pdf';
import type { DeliveryRef } from '../../../shared/ports/delivery-log';

const ref: DeliveryRef = {
  kind: 'message',
  tenantId: 'acme',
  debtorId: 'dbt_1',
  id: 'msg_case_1_inv_1_0_email',
};
const tag = encodeDeliveryRef(ref);

describe('the message tag', () => {
  it('is a valid SES tag value and reads back; anything else is not ours', () => {
    expect(tag).toMatch(/^[A-Za-z0-9_-]{1,256}$/);
    expect(decodeDeliveryRef(tag)).toEqual(ref);
    expect(decodeDeliveryRef('bm90LW91cnM')).toBeUndefined();
    expect(decodeDeliveryRef(undefined)).toBeUndefined();
    expect(decodeDeliveryRef(encodeDeliveryRef({ kind: 'nope' } as never))).toBeUndefined();
  });
});

describe('SES events (EventBridge)', () => {
  const sesEvent = (detailType: string, detail: Record<string, unknown>) => ({
    version: '0',
    id: 'e-1',
    'detail-type': detailType,
    source: 'aws.ses',
    time: '2027-01-04T09:00:05Z',
    detail: {
      mail: { messageId: '0100-ses-id', timestamp: '2027-01-04T09:00:00Z', tags: { recoup_ref: [tag] } },
      ...detail,
    },
  });

  it('reads sends, deliveries, permanent and transient bounces and complaints', () => {
    expect(readProviderEvent(sesEvent('Email Sent', { eventType: 'Send', send: {} }))).toEqual({
      ref,
      report: { kind: 'sent', at: new Date('2027-01-04T09:00:05Z'), providerMessageId: '0100-ses-id' },
    });
    expect(readProviderEvent(sesEvent('Email Delivered', { eventType: 'Delivery' }))?.report.kind).toBe(
      'delivered',
    );
    expect(
      readProviderEvent(
        sesEvent('Email Bounced', {
          eventType: 'Bounce',
          bounce: { bounceType: 'Permanent', bounceSubType: 'NoEmail' },
        }),
      )?.report,
    ).toMatchObject({ kind: 'bounced', permanent: true, detail: 'Bounce Permanent/NoEmail' });
    expect(
      readProviderEvent(
        sesEvent('Email Bounced', {
          eventType: 'Bounce',
          bounce: { bounceType: 'Transient', bounceSubType: 'MailboxFull' },
        }),
      )?.report,
    ).toMatchObject({ kind: 'failed', permanent: false });
    expect(
      readProviderEvent(sesEvent('Email Complaint Received', { eventType: 'Complaint' }))?.report,
    ).toMatchObject({
      kind: 'complained',
      permanent: true,
    });
  });

  it('ignores mail that is not ours and events it does not act on', () => {
    const foreign = sesEvent('Email Sent', { eventType: 'Send' });
    foreign.detail.mail.tags = {} as never;
    expect(readProviderEvent(foreign)).toBeUndefined();
    expect(readProviderEvent(sesEvent('Email Opened', { eventType: 'Open' }))).toBeUndefined();
    expect(readProviderEvent({ source: 'aws.s3', detail: {} })).toBeUndefined();
  });
});

describe('End User Messaging status events', () => {
  const smsEvent = (eventType: string) => ({
    'detail-type': 'Text Message Delivery Status Updated',
    source: 'aws.sms-voice',
    time: '2027-01-04T09:00:09Z',
    detail: {
      eventType,
      eventVersion: '1.0',
      eventTimestamp: Date.parse('2027-01-04T09:00:07Z'),
      isFinal: true,
      destinationPhoneNumber: '+14255550156',
      messageId: 'sms-1',
      context: { recoup_ref: tag },
    },
  });

  it('reads the documented event types; a number that can never receive is permanent', () => {
    expect(readProviderEvent(smsEvent('TEXT_SUCCESSFUL'))?.report).toEqual({
      kind: 'sent',
      at: new Date('2027-01-04T09:00:07Z'),
      providerMessageId: 'sms-1',
    });
    expect(readProviderEvent(smsEvent('TEXT_DELIVERED'))?.report.kind).toBe('delivered');
    expect(readProviderEvent(smsEvent('TEXT_INVALID'))?.report).toMatchObject({
      kind: 'bounced',
      permanent: true,
    });
    expect(readProviderEvent(smsEvent('TEXT_TTL_EXPIRED'))?.report).toMatchObject({ kind: 'failed' });
    expect(readProviderEvent(smsEvent('TEXT_TTL_EXPIRED'))?.report.permanent).toBeUndefined();
    expect(readProviderEvent(smsEvent('TEXT_PENDING'))).toBeUndefined();
  });
});

describe('inbound texts (two-way SMS on SNS)', () => {
  it('reads the number and the words, and nothing else', () => {
    const message = JSON.stringify({
      originationNumber: '+14255550182',
      destinationNumber: '+12125550100',
      messageKeyword: 'KEYWORD_123456789012',
      messageBody: 'STOP',
      inboundMessageId: 'cae173d2-66b9-564c-8309-21f858e9fb84',
      previousPublishedMessageId: 'wJ0-example',
    });
    expect(inboundTextOf(message, '2027-01-04T09:10:00.000Z')).toEqual({
      from: '+14255550182',
      body: 'STOP',
      at: new Date('2027-01-04T09:10:00.000Z'),
    });
    expect(inboundTextOf('not json', '2027-01-04T09:10:00.000Z')).toBeUndefined();
    expect(inboundTextOf('{"messageBody":"STOP"}', '2027-01-04T09:10:00.000Z')).toBeUndefined();
  });
});

describe('letters', () => {
  it('render to a PDF that carries the amounts in every currency, on as many pages as the text needs', async () => {
    const body = [
      'Dear Pat Doe,',
      '',
      'Open: ¥150,000 + €1,250.50 + KWD 1,234.567',
      ...Array(120).fill('A line.'),
    ].join('\n');
    const pdf = Buffer.from(
      await renderLetterPdf({
        to: 'Pat Doe, 1 Main St, New York NY 10001, US',
        subject: 'Payment reminder',
        body,
        date: '2027-01-04',
        reference: 'msg_1',
      }),
    );
    expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { PDFDocument } = await import('pdf-lib');
    const document = await PDFDocument.load(pdf);
    expect(document.getPageCount()).toBeGreaterThan(1);
    expect(document.getTitle()).toBe('Payment reminder');
    // Deterministic: the same letter renders to the same bytes (a retried send writes nothing new).
    const again = Buffer.from(
      await renderLetterPdf({
        to: 'Pat Doe, 1 Main St, New York NY 10001, US',
        subject: 'Payment reminder',
        body,
        date: '2027-01-04',
        reference: 'msg_1',
      }),
    );
    expect(again.equals(pdf)).toBe(true);
  });
});
