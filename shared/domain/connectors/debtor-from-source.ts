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

/**
 * The debtor fields the accounting system owns; undefined when no jurisdiction can be told.
 * Email, phone and address are passed as written: the caller checks them with the API's rules.
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
  return {
    name: customer.name,
    kind: customer.kind,
    externalRef,
    jurisdiction,
    timezone: timezoneOf(jurisdiction, defaults),
    ...(customer.email ? { email: customer.email } : {}),
    ...(customer.phone ? { phone: customer.phone } : {}),
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
