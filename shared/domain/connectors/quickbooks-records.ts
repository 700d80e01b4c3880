/**
 * QuickBooks Online entities (Customer, Invoice, Payment, CreditMemo, as the Accounting API's
 * Query endpoint returns them) mapped to source records. Pure: amounts read exactly from their
 * decimal form, instants normalised to UTC.
 */
import { minorUnitsOfDecimal } from './decimal-amount';
import type {
  SourceAddress,
  SourceCreditApplication,
  SourceCreditNote,
  SourceCustomer,
  SourceInvoice,
  SourcePayment,
} from './source-records';

interface Reference {
  value: string;
  name?: string;
}
interface MetaData {
  CreateTime?: string;
  LastUpdatedTime: string;
}
interface LinkedTransaction {
  TxnId: string;
  TxnType: string;
}

export interface QuickBooksCustomer {
  Id: string;
  DisplayName: string;
  CompanyName?: string;
  GivenName?: string;
  FamilyName?: string;
  PrimaryEmailAddr?: { Address?: string };
  PrimaryPhone?: { FreeFormNumber?: string };
  BillAddr?: {
    Line1?: string;
    Line2?: string;
    Line3?: string;
    City?: string;
    CountrySubDivisionCode?: string;
    PostalCode?: string;
    Country?: string;
  };
  Active?: boolean;
  MetaData: MetaData;
}

export interface QuickBooksInvoice {
  Id: string;
  DocNumber?: string;
  TxnDate: string;
  DueDate?: string;
  TotalAmt: number;
  Balance?: number;
  CurrencyRef?: Reference;
  CustomerRef: Reference;
  PrivateNote?: string;
  SyncToken?: string;
  MetaData: MetaData;
}

export interface QuickBooksPayment {
  Id: string;
  TxnDate: string;
  TotalAmt: number;
  UnappliedAmt?: number;
  CurrencyRef?: Reference;
  CustomerRef: Reference;
  PaymentRefNum?: string;
  Line?: { Amount: number; LinkedTxn?: LinkedTransaction[] }[];
  MetaData: MetaData;
}

export interface QuickBooksCreditMemo {
  Id: string;
  DocNumber?: string;
  TxnDate: string;
  TotalAmt: number;
  RemainingCredit?: number;
  CurrencyRef?: Reference;
  CustomerRef: Reference;
  MetaData: MetaData;
}

/** Without multicurrency a company's records carry no `CurrencyRef`: its home currency applies. */
function currencyOf(entity: { CurrencyRef?: Reference }, homeCurrency: string): string {
  return entity.CurrencyRef?.value ?? homeCurrency;
}

/** QuickBooks writes instants with the company's offset (`2026-03-01T10:35:08-08:00`). */
export function utcInstant(text: string): string {
  const at = new Date(text);
  if (Number.isNaN(at.getTime())) throw new RangeError(`Not an instant: ${text}`);
  return at.toISOString();
}

function present(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

export function customerFromQuickBooks(customer: QuickBooksCustomer): SourceCustomer {
  const bill = customer.BillAddr;
  const lines = [bill?.Line1, bill?.Line2, bill?.Line3].map(present).filter((line) => line !== undefined);
  const address: SourceAddress | undefined = bill
    ? {
        lines,
        ...(present(bill.City) ? { locality: present(bill.City) } : {}),
        ...(present(bill.CountrySubDivisionCode) ? { region: present(bill.CountrySubDivisionCode) } : {}),
        ...(present(bill.PostalCode) ? { postalCode: present(bill.PostalCode) } : {}),
        ...(present(bill.Country) ? { country: present(bill.Country) } : {}),
      }
    : undefined;
  const person =
    !present(customer.CompanyName) && Boolean(present(customer.GivenName) ?? present(customer.FamilyName));
  const email = present(customer.PrimaryEmailAddr?.Address);
  const phone = present(customer.PrimaryPhone?.FreeFormNumber);
  return {
    sourceId: customer.Id,
    name:
      present(customer.DisplayName) ?? present(customer.CompanyName) ?? `QuickBooks customer ${customer.Id}`,
    kind: person ? 'person' : 'business',
    ...(email ? { email } : {}),
    ...(phone ? { phone } : {}),
    ...(address ? { address } : {}),
    active: customer.Active !== false,
    updatedAt: utcInstant(customer.MetaData.LastUpdatedTime),
  };
}

export function invoiceFromQuickBooks(invoice: QuickBooksInvoice, homeCurrency: string): SourceInvoice {
  const currency = currencyOf(invoice, homeCurrency);
  const amount = minorUnitsOfDecimal(invoice.TotalAmt, currency);
  const number = present(invoice.DocNumber);
  return {
    sourceId: invoice.Id,
    customerSourceId: invoice.CustomerRef.value,
    ...(number ? { number } : {}),
    currency,
    amount,
    issueDate: invoice.TxnDate,
    // Without terms QuickBooks leaves the due date out: due on issue.
    dueDate: invoice.DueDate ?? invoice.TxnDate,
    // A voided invoice keeps its record with every amount zeroed.
    voided: amount === 0,
    updatedAt: utcInstant(invoice.MetaData.LastUpdatedTime),
  };
}

/**
 * A payment's lines link it to invoices and, when it applies credit, to credit memos. The money
 * (`TotalAmt`) and the credit together pay the invoice lines: the credit is taken first, in line
 * order, the money covers the rest; money no line claims stays unapplied.
 */
export function paymentFromQuickBooks(payment: QuickBooksPayment, homeCurrency: string): SourcePayment {
  const currency = currencyOf(payment, homeCurrency);
  const linked = (type: string) =>
    (payment.Line ?? []).flatMap((line) =>
      (line.LinkedTxn ?? [])
        .filter((link) => link.TxnType === type)
        .map((link) => ({ id: link.TxnId, amount: minorUnitsOfDecimal(line.Amount, currency) })),
    );
  const credits = linked('CreditMemo').map((credit) => ({ ...credit, left: credit.amount }));
  const allocations: SourcePayment['allocations'] = [];
  const applications: SourceCreditApplication[] = [];
  for (const invoiceLine of linked('Invoice')) {
    let due = invoiceLine.amount;
    for (const credit of credits) {
      const taken = Math.min(credit.left, due);
      if (taken <= 0) continue;
      credit.left -= taken;
      due -= taken;
      applications.push({
        key: `Payment:${payment.Id}:CreditMemo:${credit.id}:Invoice:${invoiceLine.id}`,
        creditNoteSourceId: credit.id,
        invoiceSourceId: invoiceLine.id,
        currency,
        amount: taken,
      });
    }
    if (due > 0) allocations.push({ invoiceSourceId: invoiceLine.id, amount: due });
  }
  const amount = minorUnitsOfDecimal(payment.TotalAmt, currency);
  const reference = present(payment.PaymentRefNum);
  return {
    sourceId: payment.Id,
    customerSourceId: payment.CustomerRef.value,
    currency,
    amount,
    receivedAt: `${payment.TxnDate}T00:00:00.000Z`,
    ...(reference ? { reference } : {}),
    allocations: mergeByInvoice(allocations),
    credits: applications,
    voided: amount === 0 && applications.length === 0,
    updatedAt: utcInstant(payment.MetaData.LastUpdatedTime),
  };
}

/** A credit memo itself names no invoice in QuickBooks: the payments that apply it do. */
export function creditNoteFromQuickBooks(memo: QuickBooksCreditMemo, homeCurrency: string): SourceCreditNote {
  const currency = currencyOf(memo, homeCurrency);
  const amount = minorUnitsOfDecimal(memo.TotalAmt, currency);
  const number = present(memo.DocNumber);
  return {
    sourceId: memo.Id,
    customerSourceId: memo.CustomerRef.value,
    ...(number ? { number } : {}),
    currency,
    amount,
    issueDate: memo.TxnDate,
    applications: [],
    voided: amount === 0,
    updatedAt: utcInstant(memo.MetaData.LastUpdatedTime),
  };
}

function mergeByInvoice(allocations: SourcePayment['allocations']): SourcePayment['allocations'] {
  const byInvoice = new Map<string, number>();
  for (const { invoiceSourceId, amount } of allocations) {
    byInvoice.set(invoiceSourceId, (byInvoice.get(invoiceSourceId) ?? 0) + amount);
  }
  return [...byInvoice].map(([invoiceSourceId, amount]) => ({ invoiceSourceId, amount }));
}
