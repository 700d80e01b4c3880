/**
 * The `Recoup-Signature` header, Stripe-style: `t=<unix seconds>,v1=<hex HMAC-SHA256 of "t.body">`
 * under the endpoint's secret. The timestamp is signed with the body, so a captured request cannot
 * be replayed later than the receiver's tolerance; receivers compare in constant time.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

export const SIGNATURE_HEADER = 'Recoup-Signature';
export const EVENT_ID_HEADER = 'Recoup-Event-Id';
/** How old a signature a receiver should accept (the verification below uses it by default). */
export const SIGNATURE_TOLERANCE_SECONDS = 300;

export function signatureOf(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

export function signatureHeader(secret: string, at: Date, body: string): string {
  const timestamp = Math.floor(at.getTime() / 1000);
  return `t=${timestamp},v1=${signatureOf(secret, timestamp, body)}`;
}

export type SignatureCheck = { valid: true; timestamp: number } | { valid: false; reason: string };

/**
 * What a receiver does with the header: any `v1` matching (during a secret rotation a receiver may
 * hold both secrets) and a timestamp within the tolerance of its own clock.
 */
export function verifySignature(
  header: string | undefined,
  body: string,
  secrets: readonly string[],
  now: Date,
  toleranceSeconds: number = SIGNATURE_TOLERANCE_SECONDS,
): SignatureCheck {
  if (!header) return { valid: false, reason: 'no signature header' };
  const parts = header.split(',').map((part) => part.trim().split('=', 2) as [string, string?]);
  const timestamps = parts.filter(([key]) => key === 't').map(([, value]) => Number(value));
  const signatures = parts.filter(([key]) => key === 'v1').map(([, value]) => value ?? '');
  const timestamp = timestamps[0];
  if (timestamps.length !== 1 || timestamp === undefined || !Number.isSafeInteger(timestamp)) {
    return { valid: false, reason: 'no timestamp' };
  }
  if (Math.abs(now.getTime() / 1000 - timestamp) > toleranceSeconds) {
    return { valid: false, reason: 'timestamp outside the tolerance' };
  }
  for (const secret of secrets) {
    const expected = Buffer.from(signatureOf(secret, timestamp, body), 'hex');
    for (const signature of signatures) {
      const given = Buffer.from(signature, 'hex');
      if (given.length === expected.length && timingSafeEqual(given, expected))
        return { valid: true, timestamp };
    }
  }
  return { valid: false, reason: 'no signature matches' };
}
