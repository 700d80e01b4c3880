/**
 * Xero Accounting API records (Contacts, Invoices of Type ACCREC, Payments, CreditNotes of Type
 * ACCRECCREDIT, as its JSON answers carry them) mapped to source records. Pure: amounts read
 * exactly from their decimal form; Xero's `/Date(ms+zone)/` instants and `DateString` dates read.
 */
import { minorUnitsOfDecimal } from './decimal-amount';
import type {
  SourceAddress,
  SourceCreditNote,
  SourceCustomer,
  SourceInvoice,
  SourcePayment,
} from './source-records';

export interface XeroContact {
  ContactID: string;
  Name: string;
  FirstName?: string;
  LastName?: string;
  EmailAddress?: string;
  TaxNumber?: string;
  ContactStatus?: 'ACTIVE' | 'ARCHIVED' | 'GDPRREQUEST';
  Phones?: { PhoneType: string; PhoneNumber?: string; PhoneAreaCode?: string; PhoneCountryCode?: string }[];
  Addresses?: {
    AddressType: 'POBOX' | 'STREET' | 'DELIVERY';
    AddressLine1?: string;
    AddressLine2?: string;
    AddressLine3?: string;
    City?: string;
    Region?: string;
    PostalCode?: string;
    Country?: string;
  }[];
  IsCustomer?: boolean;
  UpdatedDateUTC: string;
}

type XeroDocumentStatus = 'DRAFT' | 'SUBMITTED' | 'AUTHORISED' | 'PAID' | 'VOIDED' | 'DELETED';

export interface XeroInvoice {
  InvoiceID: string;
  Type: 'ACCREC' | 'ACCPAY';
  InvoiceNumber?: string;
  Contact: { ContactID: string };
  DateString?: string;
  Date?: string;
  DueDateString?: string;
  DueDate?: string;
  Status: XeroDocumentStatus;
  Total: number;
  CurrencyCode: string;
  UpdatedDateUTC: string;
}

export interface XeroPayment {
  PaymentID: string;
  Date: string;
  Amount: number;
  Reference?: string;
  Status: 'AUTHORISED' | 'DELETED';
  PaymentType?: string;
  Invoice: { InvoiceID: string; Contact?: { ContactID: string }; CurrencyCode?: string };
  UpdatedDateUTC: string;
}

export interface XeroCreditNote {
  CreditNoteID: string;
  CreditNoteNumber?: string;
  Type: 'ACCRECCREDIT' | 'ACCPAYCREDIT';
  Contact: { ContactID: string };
  DateString?: string;
  Date?: string;
  Status: XeroDocumentStatus;
  Total: number;
  CurrencyCode: string;
  Allocations?: { AllocationID?: string; Amount: number; Invoice: { InvoiceID: string } }[];
  UpdatedDateUTC: string;
}

/** `/Date(1518685950940+0000)/` (milliseconds since the epoch, the zone only informative) or ISO. */
export function xeroInstant(text: string): string {
  const match = /^\/Date\((-?\d+)([+-]\d{4})?\)\/$/u.exec(text);
  const at = match ? new Date(Number(match[1])) : new Date(text.endsWith('Z') ? text : `${text}Z`);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not a Xero instant: ${text}`);
  return at.toISOString();
}

/** `2027-02-01T00:00:00` (DateString) or a `/Date(…)/` → `2027-02-01`. */
export function xeroDate(dateString: string | undefined, date: string | undefined): string {
  if (dateString && /^\d{4}-\d{2}-\d{2}/u.test(dateString)) return dateString.slice(0, 10);
  if (date) return xeroInstant(date).slice(0, 10);
  throw new RangeError('The record has no date');
}

function present(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function customerFromXero(contact: XeroContact): SourceCustomer {
  // The postal (POBOX) address is where Xero puts the billing address; STREET otherwise.
  const source =
    contact.Addresses?.find(
      (address) => address.AddressType === 'POBOX' && present(address.Country ?? address.City),
    ) ?? contact.Addresses?.find((address) => address.AddressType === 'STREET');
  const address: SourceAddress | undefined = source
    ? {
        lines: [source.AddressLine1, source.AddressLine2, source.AddressLine3]
          .map(present)
          .filter((line) => line !== undefined),
        ...(present(source.City) ? { locality: present(source.City) } : {}),
        ...(present(source.Region) ? { region: present(source.Region) } : {}),
        ...(present(source.PostalCode) ? { postalCode: present(source.PostalCode) } : {}),
        ...(present(source.Country) ? { country: present(source.Country) } : {}),
      }
    : undefined;
  const phone = contact.Phones?.find(
    (candidate) => candidate.PhoneType === 'DEFAULT' && present(candidate.PhoneNumber),
  );
  const phoneText = phone
    ? [
        phone.PhoneCountryCode ? `+${phone.PhoneCountryCode.replace(/^\+/u, '')}` : '',
        phone.PhoneAreaCode,
        phone.PhoneNumber,
      ]
        .filter(Boolean)
        .join(' ')
    : undefined;
  const email = present(contact.EmailAddress);
  const taxId = present(contact.TaxNumber);
  const person = Boolean(present(contact.FirstName) ?? present(contact.LastName)) && !taxId;
  return {
    sourceId: contact.ContactID,
    name: present(contact.Name) ?? `Xero contact ${contact.ContactID}`,
    kind: person ? 'person' : 'business',
    ...(email ? { email } : {}),
    ...(phoneText ? { phone: phoneText } : {}),
    ...(address ? { address } : {}),
    ...(taxId ? { taxId } : {}),
    active: contact.ContactStatus !== 'ARCHIVED',
    updatedAt: xeroInstant(contact.UpdatedDateUTC),
  };
}

const GONE: readonly XeroDocumentStatus[] = ['VOIDED', 'DELETED'];
/** Drafts and invoices awaiting approval are not owed yet. */
const NOT_ISSUED: readonly XeroDocumentStatus[] = ['DRAFT', 'SUBMITTED'];

export function invoiceFromXero(invoice: XeroInvoice): SourceInvoice {
  const number = present(invoice.InvoiceNumber);
  return {
    sourceId: invoice.InvoiceID,
    customerSourceId: invoice.Contact.ContactID,
    ...(number ? { number } : {}),
    currency: invoice.CurrencyCode,
    amount: minorUnitsOfDecimal(invoice.Total, invoice.CurrencyCode),
    issueDate: xeroDate(invoice.DateString, invoice.Date),
    dueDate: xeroDate(invoice.DueDateString ?? invoice.DateString, invoice.DueDate ?? invoice.Date),
    voided: GONE.includes(invoice.Status) || NOT_ISSUED.includes(invoice.Status),
    updatedAt: xeroInstant(invoice.UpdatedDateUTC),
  };
}

/**
 * A Xero payment pays one invoice, in that invoice's currency (`Invoice.CurrencyCode`; the
 * organisation's base currency when Xero leaves it out).
 */
export function paymentFromXero(payment: XeroPayment, baseCurrency: string): SourcePayment {
  const currency = payment.Invoice.CurrencyCode ?? baseCurrency;
  const amount = minorUnitsOfDecimal(payment.Amount, currency);
  const reference = present(payment.Reference);
  return {
    sourceId: payment.PaymentID,
    customerSourceId: payment.Invoice.Contact?.ContactID ?? '',
    currency,
    amount,
    receivedAt: `${xeroDate(undefined, payment.Date)}T00:00:00.000Z`,
    ...(reference ? { reference } : {}),
    allocations: [{ invoiceSourceId: payment.Invoice.InvoiceID, amount }],
    credits: [],
    voided: payment.Status === 'DELETED',
    updatedAt: xeroInstant(payment.UpdatedDateUTC),
  };
}

export function creditNoteFromXero(note: XeroCreditNote): SourceCreditNote {
  const currency = note.CurrencyCode;
  const number = present(note.CreditNoteNumber);
  const voided = GONE.includes(note.Status);
  return {
    sourceId: note.CreditNoteID,
    customerSourceId: note.Contact.ContactID,
    ...(number ? { number } : {}),
    currency,
    amount: minorUnitsOfDecimal(note.Total, currency),
    issueDate: xeroDate(note.DateString, note.Date),
    applications: voided
      ? []
      : (note.Allocations ?? []).map((allocation, index) => ({
          key: `CreditNote:${note.CreditNoteID}:Allocation:${allocation.AllocationID ?? `${index}`}:Invoice:${allocation.Invoice.InvoiceID}`,
          creditNoteSourceId: note.CreditNoteID,
          invoiceSourceId: allocation.Invoice.InvoiceID,
          currency,
          amount: minorUnitsOfDecimal(allocation.Amount, currency),
        })),
    voided,
    updatedAt: xeroInstant(note.UpdatedDateUTC),
  };
}
