/**
 * The exact keys a debtor is looked up by when its duplicates are sought: each is written as a
 * lookup item beside the debtor (docs/data-model.md), so finding the debtors that share one is a
 * query, not a scan. Names are matched by similarity instead, through the name index.
 */
import type { Debtor } from '../debtor';
import { addressKey } from './address-key';
import { emailKey } from './email-key';
import { phoneKey } from './phone-key';
import { taxIdKey } from './tax-id-key';

export const MATCH_FIELDS = ['taxId', 'email', 'phone', 'address'] as const;
export type MatchField = (typeof MATCH_FIELDS)[number];

export type MatchKeys = Partial<Record<MatchField, string>>;

export function matchKeysOf(debtor: Pick<Debtor, 'email' | 'phone' | 'taxId' | 'postalAddress'>): MatchKeys {
  const keys: MatchKeys = {};
  const email = debtor.email ? emailKey(debtor.email) : undefined;
  const phone = debtor.phone ? phoneKey(debtor.phone) : undefined;
  const taxId = debtor.taxId ? taxIdKey(debtor.taxId) : undefined;
  const address = debtor.postalAddress ? addressKey(debtor.postalAddress) : undefined;
  if (taxId) keys.taxId = taxId;
  if (email) keys.email = email;
  if (phone) keys.phone = phone;
  if (address) keys.address = address;
  return keys;
}
