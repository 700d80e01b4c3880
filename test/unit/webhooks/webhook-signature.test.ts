import { createHmac } from 'node:crypto';
import fc from 'fast-check';
import {
  signatureHeader,
  signatureOf,
  verifySignature,
  SIGNATURE_TOLERANCE_SECONDS,
} from '../../../shared/domain/webhooks/webhook-signature';

const at = new Date('2027-05-03T08:00:00.900Z');
const secret = 'whsec_test';

describe('Recoup-Signature', () => {
  it('is t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">', () => {
    const body = '{"id":"evt_1","type":"payment.received"}';
    const expected = createHmac('sha256', secret).update(`1809331200.${body}`).digest('hex');
    expect(signatureHeader(secret, at, body)).toBe(`t=1809331200,v1=${expected}`);
    // A worked value, so a change of the scheme cannot pass unnoticed.
    expect(signatureOf('whsec_known', 1700000000, '{}')).toBe(
      createHmac('sha256', 'whsec_known').update('1700000000.{}').digest('hex'),
    );
  });

  it('verifies what it signs, and nothing changed in body, timestamp or secret', () => {
    fc.assert(
      fc.property(
        fc.string(),
        fc.string({ minLength: 1 }),
        fc.string({ minLength: 1 }),
        (body, key, other) => {
          const header = signatureHeader(key, at, body);
          expect(verifySignature(header, body, [key], at)).toEqual({ valid: true, timestamp: 1809331200 });
          expect(verifySignature(header, `${body}x`, [key], at).valid).toBe(false);
          if (other !== key) expect(verifySignature(header, body, [other], at).valid).toBe(false);
          const shifted = header.replace('t=1809331200', 't=1809331201');
          expect(verifySignature(shifted, body, [key], at).valid).toBe(false);
        },
      ),
    );
  });

  it('accepts either of two secrets during a rotation', () => {
    const header = signatureHeader('whsec_new', at, 'body');
    expect(verifySignature(header, 'body', ['whsec_old', 'whsec_new'], at).valid).toBe(true);
  });

  it('refuses signatures older or newer than the tolerance, and malformed headers', () => {
    const header = signatureHeader(secret, at, 'body');
    // From the signed second (the header's t), not the instant's milliseconds.
    const later = (seconds: number) => new Date((1809331200 + seconds) * 1000);
    expect(verifySignature(header, 'body', [secret], later(SIGNATURE_TOLERANCE_SECONDS)).valid).toBe(true);
    expect(verifySignature(header, 'body', [secret], later(SIGNATURE_TOLERANCE_SECONDS + 1))).toEqual({
      valid: false,
      reason: 'timestamp outside the tolerance',
    });
    expect(verifySignature(header, 'body', [secret], later(-SIGNATURE_TOLERANCE_SECONDS - 1)).valid).toBe(
      false,
    );
    for (const malformed of [undefined, '', 'v1=abc', 't=abc,v1=00', 't=1,t=2,v1=00', `t=1809331200`]) {
      expect(verifySignature(malformed, 'body', [secret], at).valid).toBe(false);
    }
  });
});
