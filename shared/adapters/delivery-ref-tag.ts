/**
 * The stored message a provider report is about travels with the message as one opaque tag (SES
 * `EmailTags`, SMS `Context`): base64url of its key, within the characters and length SES allows
 * in a tag value, and with no personal data.
 */
import * as z from 'zod/mini';
import '../zod'; // zod/mini's English messages, before any of these schemas parses
import type { DeliveryRef } from '../ports/delivery-log';

export const DELIVERY_REF_TAG = 'recoup_ref';

const identifier = z.string().check(z.minLength(1), z.maxLength(64));
const deliveryRef = z.discriminatedUnion('kind', [
  z.strictObject({
    kind: z.literal('message'),
    tenantId: identifier,
    debtorId: identifier,
    id: z.string().check(z.minLength(1), z.maxLength(160)),
  }),
  z.strictObject({
    kind: z.literal('notification'),
    tenantId: identifier,
    id: z.string().check(z.minLength(1), z.maxLength(160)),
  }),
]);

export const deliveryRefSchema: z.ZodMiniType<DeliveryRef> = deliveryRef;

export function encodeDeliveryRef(ref: DeliveryRef): string {
  return Buffer.from(JSON.stringify(ref)).toString('base64url');
}

/** Undefined for anything that is not one of ours (another system's mail on the same account). */
export function decodeDeliveryRef(tag: string | undefined): DeliveryRef | undefined {
  if (!tag) return undefined;
  try {
    const parsed = deliveryRef.safeParse(JSON.parse(Buffer.from(tag, 'base64url').toString('utf8')));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}
