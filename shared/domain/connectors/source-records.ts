/**
 * What an accounting connector hands over, whatever the provider: customers, invoices, payments
 * and credit notes normalised to Recoup's units (minor units, ISO dates and instants), each with
 * the provider's own id and its last-modified instant. The sync use case turns them into
 * debtors, invoices, payments and credit notes through the ordinary use cases.
 */
import type { CurrencyCode } from '../money/currencies';

export type ConnectorProvider = 'quickbooks' | 'xero';

export const CONNECTOR_PROVIDERS: readonly ConnectorProvider[] = ['quickbooks', 'xero'];

/** How people name the providers, in reasons and problems. */
export const PROVIDER_NAMES: Readonly<Record<ConnectorProvider, string>> = {
  quickbooks: 'QuickBooks',
  xero: 'Xero',
};

export interface SourceAddress {
  lines: string[];
  locality?: string;
  /** State or province as the provider wrote it (QuickBooks: `CountrySubDivisionCode`). */
  region?: string;
  postalCode?: string;
  /** As the provider wrote it: an ISO code or a country name. */
  country?: string;
}

export interface SourceCustomer {
  sourceId: string;
  name: string;
  kind: 'person' | 'business';
  email?: string;
  phone?: string;
  address?: SourceAddress;
  taxId?: string;
  active: boolean;
  updatedAt: string;
}

export interface SourceInvoice {
  sourceId: string;
  customerSourceId: string;
  /** The provider's document number, when it has one. */
  number?: string;
  currency: CurrencyCode;
  /** Billed total in minor units. */
  amount: number;
  issueDate: string;
  dueDate: string;
  /** Voided, deleted or not yet approved in the provider: nothing to collect. */
  voided: boolean;
  updatedAt: string;
}

/** An amount of a credit note applied to one invoice; `key` is unique within the provider. */
export interface SourceCreditApplication {
  key: string;
  creditNoteSourceId: string;
  invoiceSourceId: string;
  currency: CurrencyCode;
  amount: number;
}

export interface SourcePayment {
  sourceId: string;
  customerSourceId: string;
  currency: CurrencyCode;
  /** The money received, in minor units (a payment that only applies credit has 0). */
  amount: number;
  receivedAt: string;
  reference?: string;
  /** The money's allocation to invoices as the provider recorded it. */
  allocations: { invoiceSourceId: string; amount: number }[];
  /** Credit notes the same transaction applied to invoices (QuickBooks records them so). */
  credits: SourceCreditApplication[];
  voided: boolean;
  updatedAt: string;
}

export interface SourceCreditNote {
  sourceId: string;
  customerSourceId: string;
  number?: string;
  currency: CurrencyCode;
  amount: number;
  issueDate: string;
  /** Its allocations to invoices, when the provider keeps them on the credit note (Xero). */
  applications: SourceCreditApplication[];
  voided: boolean;
  updatedAt: string;
}

/** One page of a pull: records of one or more kinds, and where to go on from. */
export interface SourcePage {
  customers: SourceCustomer[];
  invoices: SourceInvoice[];
  payments: SourcePayment[];
  creditNotes: SourceCreditNote[];
  /** Opaque; absent when this was the last page of the pull. */
  nextCursor?: string;
}

export function emptyPage(): SourcePage {
  return { customers: [], invoices: [], payments: [], creditNotes: [] };
}

/** The latest last-modified instant of a page's records (ISO strings in UTC compare as text). */
export function latestUpdate(page: SourcePage, after?: string): string | undefined {
  let latest = after;
  for (const record of [...page.customers, ...page.invoices, ...page.payments, ...page.creditNotes]) {
    if (latest === undefined || record.updatedAt > latest) latest = record.updatedAt;
  }
  return latest;
}
