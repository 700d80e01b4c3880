/**
 * One CSV row read into the draft the API would accept, validated by the API's own schemas, so an
 * imported record obeys exactly the rules of one created by hand. Amounts are written as people
 * write them, in the currency's units ("1,250.50"; JPY "125000"; KWD "12.345"), or in minor units
 * in `amountMinor`. A payment's date without a time is the start of that day in the tenant's zone.
 */
import type * as z from 'zod/mini';
import type { DebtorDraft } from '../domain/debtors/debtor';
import type { ImportKind, ImportRowError } from '../domain/imports/import-job';
import type { InvoiceDraft } from '../domain/invoices/invoice';
import { isCurrencyCode, type CurrencyCode } from '../domain/money/currencies';
import { fromDecimalString } from '../domain/money/money';
import type { PaymentDraft } from '../domain/payments/payment';
import { isCalendarDate, startOfLocalDay } from '../domain/time/calendar-date';
import { createDebtorBody } from '../http/schemas/debtors';
import { createInvoiceBody } from '../http/schemas/invoices';
import { createPaymentBody } from '../http/schemas/payments';

/** Stands in for the debtor id while a row's own fields are checked; resolved from the reference later. */
const PLACEHOLDER_DEBTOR_ID = 'dbt_00000000000000000000000000';

export type DebtorReference = { externalRef: string } | { id: string };

export type ParsedRow =
  | { kind: 'debtors'; draft: DebtorDraft }
  | { kind: 'invoices'; draft: Omit<InvoiceDraft, 'debtorId'>; debtor: DebtorReference }
  | {
      kind: 'payments';
      draft: Omit<PaymentDraft, 'debtorId'> & { reference: string };
      debtor: DebtorReference;
      invoiceNumber?: string;
    };

export type RowOutcome = { ok: true; row: ParsedRow } | { ok: false; errors: Omit<ImportRowError, 'row'>[] };

export function parseImportRow(
  kind: ImportKind,
  record: Readonly<Record<string, string>>,
  tenantTimeZone: string,
): RowOutcome {
  switch (kind) {
    case 'debtors':
      return parseDebtor(record);
    case 'invoices':
      return parseInvoice(record);
    case 'payments':
      return parsePayment(record, tenantTimeZone);
  }
}

function parseDebtor(record: Readonly<Record<string, string>>): RowOutcome {
  const errors: Omit<ImportRowError, 'row'>[] = [];
  const creditScore = record.creditScore === undefined ? undefined : integer(record.creditScore);
  if (record.creditScore !== undefined && creditScore === undefined) {
    errors.push({ field: 'creditScore', reason: 'must be a whole number' });
  }
  const addressLines = [record.addressLine1, record.addressLine2].filter((line) => line !== undefined);
  const hasAddress = addressLines.length > 0 || record.locality || record.postalCode || record.country;
  const candidate = {
    name: record.name,
    kind: record.kind?.toLowerCase(),
    email: record.email,
    phone: record.phone?.replace(/[\s().-]/gu, ''),
    timezone: record.timezone,
    jurisdiction: record.jurisdiction?.toUpperCase(),
    language: record.language?.toLowerCase(),
    externalRef: record.externalRef,
    segment:
      record.industryCode || record.size
        ? { industryCode: record.industryCode, size: record.size?.toLowerCase() }
        : undefined,
    creditScore,
    collectorId: record.collectorId,
    postalAddress: hasAddress
      ? {
          lines: addressLines,
          locality: record.locality,
          region: record.region,
          postalCode: record.postalCode,
          country: record.country?.toUpperCase(),
        }
      : undefined,
  };
  const parsed = createDebtorBody.safeParse(withoutUndefined(candidate));
  if (!parsed.success) errors.push(...schemaErrors(parsed.error));
  if (errors.length > 0 || !parsed.success) return { ok: false, errors: uniqueByField(errors) };
  return { ok: true, row: { kind: 'debtors', draft: parsed.data as DebtorDraft } };
}

function parseInvoice(record: Readonly<Record<string, string>>): RowOutcome {
  const errors: Omit<ImportRowError, 'row'>[] = [];
  const debtor = debtorReference(record, errors);
  const amount = amountOf(record, errors);
  const parsed = createInvoiceBody.safeParse(
    withoutUndefined({
      debtorId: PLACEHOLDER_DEBTOR_ID,
      number: record.number,
      currency: record.currency?.toUpperCase(),
      amount,
      issueDate: record.issueDate,
      dueDate: record.dueDate,
      description: record.description,
      externalRef: record.externalRef,
    }),
  );
  if (!parsed.success) errors.push(...schemaErrors(parsed.error));
  // The schema checks the dates' order only once every field is valid; a row is told all at once.
  const { issueDate, dueDate } = record;
  if (issueDate && dueDate && isCalendarDate(issueDate) && isCalendarDate(dueDate) && dueDate < issueDate) {
    errors.push({ field: 'dueDate', reason: 'must not be before issueDate' });
  }
  if (errors.length > 0 || !parsed.success || !debtor) return { ok: false, errors: uniqueByField(errors) };
  const { debtorId: _placeholder, ...draft } = parsed.data;
  return { ok: true, row: { kind: 'invoices', draft: draft as Omit<InvoiceDraft, 'debtorId'>, debtor } };
}

function parsePayment(record: Readonly<Record<string, string>>, tenantTimeZone: string): RowOutcome {
  const errors: Omit<ImportRowError, 'row'>[] = [];
  const debtor = debtorReference(record, errors);
  const amount = amountOf(record, errors);
  const receivedAt =
    record.receivedAt && isCalendarDate(record.receivedAt)
      ? startOfLocalDay(record.receivedAt, tenantTimeZone).toISOString()
      : record.receivedAt;
  const parsed = createPaymentBody.safeParse(
    withoutUndefined({
      debtorId: PLACEHOLDER_DEBTOR_ID,
      currency: record.currency?.toUpperCase(),
      amount,
      receivedAt,
      method: record.method?.toLowerCase().replace(/[\s-]/gu, '_'),
      reference: record.reference,
    }),
  );
  if (!parsed.success) errors.push(...schemaErrors(parsed.error));
  if (errors.length > 0 || !parsed.success || !debtor || !parsed.data.reference) {
    return { ok: false, errors: uniqueByField(errors) };
  }
  const { debtorId: _placeholder, allocations: _none, chargeAllocations: _neither, ...draft } = parsed.data;
  return {
    ok: true,
    row: {
      kind: 'payments',
      draft: { ...(draft as Omit<PaymentDraft, 'debtorId'>), reference: parsed.data.reference },
      debtor,
      ...(record.invoiceNumber ? { invoiceNumber: record.invoiceNumber } : {}),
    },
  };
}

function debtorReference(
  record: Readonly<Record<string, string>>,
  errors: Omit<ImportRowError, 'row'>[],
): DebtorReference | undefined {
  if (record.debtorId) {
    if (/^dbt_[0-9A-HJKMNP-TV-Z]{26}$/u.test(record.debtorId)) return { id: record.debtorId };
    errors.push({ field: 'debtorId', reason: 'must be a dbt_ id' });
    return undefined;
  }
  if (record.debtorExternalRef) return { externalRef: record.debtorExternalRef };
  errors.push({ field: 'debtorExternalRef', reason: 'is required (or debtorId)' });
  return undefined;
}

function amountOf(
  record: Readonly<Record<string, string>>,
  errors: Omit<ImportRowError, 'row'>[],
): number | undefined {
  const currency = record.currency?.toUpperCase();
  if (record.amountMinor !== undefined) {
    const minor = integer(record.amountMinor);
    if (minor === undefined)
      errors.push({ field: 'amountMinor', reason: 'must be a whole number of minor units' });
    return minor;
  }
  if (record.amount === undefined) {
    errors.push({ field: 'amount', reason: 'is required' });
    return undefined;
  }
  // Without a valid currency the schema reports the currency; the amount cannot be read yet.
  if (!currency || !isCurrencyCode(currency)) return undefined;
  const value = fromDecimalString(record.amount, currency as CurrencyCode);
  if (!value) {
    errors.push({ field: 'amount', reason: `must be an amount in ${currency} (e.g. ${example(currency)})` });
  }
  return value?.amount;
}

function example(currency: string): string {
  return currency === 'JPY' ? '125000' : currency === 'KWD' ? '1250.500' : '1250.50';
}

function integer(text: string): number | undefined {
  return /^-?\d{1,15}$/u.test(text) ? Number(text) : undefined;
}

/** The schema's issues as (field, reason), naming the CSV column rather than the API's nesting. */
function schemaErrors(error: z.core.$ZodError): Omit<ImportRowError, 'row'>[] {
  return error.issues.map((issue) => {
    const path = issue.path.map(String);
    const top = path[0] ?? 'row';
    if (top === 'postalAddress' && path[1] === 'lines') {
      return { field: 'addressLine1', reason: 'is required when an address is given' };
    }
    const field = top === 'segment' || top === 'postalAddress' ? (path[1] ?? top) : top;
    const reason = issue.code === 'invalid_type' && issue.input === undefined ? 'is required' : issue.message;
    return { field, reason };
  });
}

function uniqueByField(errors: Omit<ImportRowError, 'row'>[]): Omit<ImportRowError, 'row'>[] {
  const seen = new Set<string>();
  return errors.filter((error) => !seen.has(error.field) && seen.add(error.field));
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, field]) => field !== undefined)) as T;
}
