/**
 * A debtor as Recoup keeps it, from a customer of an accounting system. Accounting systems know
 * no time zone or collection jurisdiction, so both come from the billing address where it says
 * enough (`US` + `NY` → `US-NY`, its zone) and from the connection's defaults otherwise.
 */
import type { DebtorDraft } from '../debtors/debtor';
import { jurisdictionZones } from '../compliance/jurisdiction-zones';
import type { SourceCustomer } from './source-records';

export interface DebtorDefaults {
  /** Used when the customer's address names no country (`US-NY`, `GB`, `DE`). */
  jurisdiction?: string;
  /** Used when the jurisdiction spans several zones or none Recoup knows (the tenant's zone). */
  timezone: string;
}

/** Country names accounting systems commonly store instead of ISO codes. */
const COUNTRY_NAMES: Readonly<Record<string, string>> = {
  USA: 'US',
  'UNITED STATES': 'US',
  'UNITED STATES OF AMERICA': 'US',
  UK: 'GB',
  'UNITED KINGDOM': 'GB',
  'GREAT BRITAIN': 'GB',
  ENGLAND: 'GB',
  GERMANY: 'DE',
  DEUTSCHLAND: 'DE',
  FRANCE: 'FR',
  IRELAND: 'IE',
  NETHERLANDS: 'NL',
  SPAIN: 'ES',
  ITALY: 'IT',
  AUSTRIA: 'AT',
  CANADA: 'CA',
  AUSTRALIA: 'AU',
  'NEW ZEALAND': 'NZ',
  JAPAN: 'JP',
  KUWAIT: 'KW',
};

export function countryCode(text: string | undefined): string | undefined {
  const upper = text?.trim().toUpperCase();
  if (!upper) return undefined;
  if (/^[A-Z]{2}$/u.test(upper)) return upper;
  return COUNTRY_NAMES[upper];
}

export function jurisdictionOf(customer: SourceCustomer, defaults: DebtorDefaults): string | undefined {
  const country = countryCode(customer.address?.country);
  if (!country) return defaults.jurisdiction;
  const region = customer.address?.region?.trim().toUpperCase();
  if (country === 'US' && region && /^[A-Z]{2}$/u.test(region)) return `US-${region}`;
  return country;
}

export function timezoneOf(jurisdiction: string, defaults: DebtorDefaults): string {
  const zones = jurisdictionZones(jurisdiction);
  if (zones.length === 1) return zones[0]!;
  return zones.length === 0 || zones.includes(defaults.timezone) ? defaults.timezone : zones[0]!;
}

/** Country calling codes of the countries whose national numbers are read here. */
const CALLING_CODES: Readonly<Record<string, { code: string; trunk: string; digits: number[] }>> = {
  US: { code: '1', trunk: '1', digits: [10] },
  CA: { code: '1', trunk: '1', digits: [10] },
  GB: { code: '44', trunk: '0', digits: [10] },
  DE: { code: '49', trunk: '0', digits: [6, 7, 8, 9, 10, 11] },
  AU: { code: '61', trunk: '0', digits: [9] },
};

/**
 * A phone number as E.164 (`+12125550100`) from how people write it in accounting systems
 * (`(212) 555-0100`, `+44 20 7946 0958`, `030 1234567`); undefined when it cannot be told.
 */
export function e164Phone(text: string | undefined, country: string | undefined): string | undefined {
  if (!text) return undefined;
  const digits = text.replace(/[^\d+]/gu, '');
  if (/^\+[1-9]\d{6,14}$/u.test(digits)) return digits;
  if (/^00[1-9]\d{6,14}$/u.test(digits)) return `+${digits.slice(2)}`;
  const plan = country ? CALLING_CODES[country] : undefined;
  if (!plan || !/^\d+$/u.test(digits)) return undefined;
  const national = digits.startsWith(plan.trunk) ? digits.slice(plan.trunk.length) : digits;
  return plan.digits.includes(national.length) ? `+${plan.code}${national}` : undefined;
}

/**
 * The debtor fields the accounting system owns; undefined when no jurisdiction can be told.
 * The phone is read into E.164 where it can be; the caller checks every field with the API's rules.
 */
export function debtorFromSource(
  customer: SourceCustomer,
  externalRef: string,
  defaults: DebtorDefaults,
): DebtorDraft | undefined {
  const jurisdiction = jurisdictionOf(customer, defaults);
  if (!jurisdiction) return undefined;
  const address = customer.address;
  const country = countryCode(address?.country);
  const phone = e164Phone(customer.phone, country ?? jurisdiction.split('-')[0]);
  return {
    name: customer.name,
    kind: customer.kind,
    externalRef,
    jurisdiction,
    timezone: timezoneOf(jurisdiction, defaults),
    ...(customer.email ? { email: customer.email } : {}),
    ...(phone ? { phone } : {}),
    ...(customer.taxId ? { taxId: customer.taxId } : {}),
    ...(address && country && address.locality && address.lines.length > 0
      ? {
          postalAddress: {
            lines: address.lines,
            locality: address.locality,
            ...(address.region ? { region: address.region } : {}),
            ...(address.postalCode ? { postalCode: address.postalCode } : {}),
            country,
          },
        }
      : {}),
  };
}
