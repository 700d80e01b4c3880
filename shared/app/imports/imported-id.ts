import { createHash } from 'node:crypto';

const CROCKFORD = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

/**
 * The id of a record an import creates, derived from the creditor's own key (external reference,
 * invoice number, payment reference): a resumed or repeated import names the same record again,
 * so it can find what an earlier run wrote instead of writing it twice.
 */
export function importedId(prefix: string, tenantId: string, naturalKey: string): string {
  const digest = createHash('sha256').update(`${tenantId}\u0000${prefix}\u0000${naturalKey}`).digest();
  let id = '';
  for (let index = 0; index < 26; index += 1) id += CROCKFORD[(digest[index] ?? 0) % 32];
  return `${prefix}_${id}`;
}
