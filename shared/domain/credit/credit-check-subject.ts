/**
 * Who a credit check looks up: a business debtor, by its registration or VAT number where it has
 * one (the bureaus' most reliable match), else by name and postal code. People are refused: a
 * consumer credit check needs a permissible purpose (FCRA §604, UK GDPR art. 6) that a collection
 * tool cannot assume.
 */
import type { Debtor } from '../debtors/debtor';
import { RuleViolationError } from '../errors';

export interface CompanyQuery {
  /** ISO 3166 alpha-2. */
  country: string;
  name: string;
  registrationNumber?: string;
  vatNumber?: string;
  postalCode?: string;
}

/**
 * A VAT number starts with its country's prefix (GB123456789, DE123456789; Greece EL, Northern
 * Ireland XI); a company number does not, though some have letters of their own (Scotland SC123456).
 */
function isVatNumber(taxId: string, country: string): boolean {
  const prefixes = country === 'GR' ? ['EL'] : country === 'GB' ? ['GB', 'XI'] : [country];
  return prefixes.some((prefix) => taxId.startsWith(prefix)) && /^[A-Z]{2}[0-9A-Z]{2,13}$/u.test(taxId);
}

export function companyQueryFor(debtor: Debtor): CompanyQuery {
  if (debtor.kind !== 'business') {
    throw new RuleViolationError(
      'Credit checks are for business debtors only: a consumer credit check needs a permissible purpose',
    );
  }
  const country = (debtor.postalAddress?.country ?? debtor.jurisdiction.slice(0, 2)).toUpperCase();
  const taxId = debtor.taxId?.replace(/[\s.-]/gu, '').toUpperCase();
  return {
    country,
    name: debtor.name,
    ...(taxId && isVatNumber(taxId, country) ? { vatNumber: taxId } : {}),
    ...(taxId && !isVatNumber(taxId, country) ? { registrationNumber: taxId } : {}),
    ...(debtor.postalAddress?.postalCode ? { postalCode: debtor.postalAddress.postalCode } : {}),
  };
}
