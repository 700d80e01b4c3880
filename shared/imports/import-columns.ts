/**
 * The columns an import file may have, per kind. Headers are matched loosely (case, spaces,
 * dashes and underscores do not matter: "Due Date", "due_date" and "dueDate" are one column), so
 * a spreadsheet exported from an accounting system needs no renaming. Columns not listed are
 * reported once on the import and otherwise ignored.
 */
import type { ImportKind } from '../domain/imports/import-job';

export interface ColumnSpec {
  /** The field the column fills (dotted for nested fields: `address.country`). */
  field: string;
  /** Other header names accepted for it. */
  aliases?: readonly string[];
  required?: boolean;
}

const DEBTOR_REFERENCE: ColumnSpec[] = [
  { field: 'debtorExternalRef', aliases: ['customerRef', 'customerNumber', 'accountNumber'] },
  { field: 'debtorId' },
];

export const IMPORT_COLUMNS: Record<ImportKind, readonly ColumnSpec[]> = {
  debtors: [
    { field: 'externalRef', aliases: ['customerRef', 'customerNumber', 'accountNumber'], required: true },
    { field: 'name', required: true },
    { field: 'kind', aliases: ['type'], required: true },
    { field: 'email' },
    { field: 'phone' },
    { field: 'timezone', aliases: ['timeZone'], required: true },
    { field: 'jurisdiction', required: true },
    { field: 'language' },
    { field: 'industryCode' },
    { field: 'size', aliases: ['companySize'] },
    { field: 'creditScore' },
    { field: 'collectorId' },
    { field: 'addressLine1', aliases: ['address', 'street'] },
    { field: 'addressLine2' },
    { field: 'locality', aliases: ['city', 'town'] },
    { field: 'region', aliases: ['state', 'county'] },
    { field: 'postalCode', aliases: ['zip', 'postcode', 'zipCode'] },
    { field: 'country' },
  ],
  invoices: [
    { field: 'number', aliases: ['invoiceNumber', 'invoiceNo'], required: true },
    ...DEBTOR_REFERENCE,
    { field: 'currency', required: true },
    { field: 'amount' },
    { field: 'amountMinor', aliases: ['amountMinorUnits'] },
    { field: 'issueDate', aliases: ['invoiceDate'], required: true },
    { field: 'dueDate', required: true },
    { field: 'description' },
    { field: 'externalRef' },
  ],
  payments: [
    { field: 'reference', aliases: ['paymentReference', 'paymentRef'], required: true },
    ...DEBTOR_REFERENCE,
    { field: 'currency', required: true },
    { field: 'amount' },
    { field: 'amountMinor', aliases: ['amountMinorUnits'] },
    { field: 'receivedAt', aliases: ['receivedOn', 'paymentDate', 'date'], required: true },
    { field: 'method' },
    { field: 'invoiceNumber', aliases: ['appliesTo'] },
  ],
};

export function normalizedHeader(header: string): string {
  return header
    .replace(/^\uFEFF/u, '')
    .toLowerCase()
    .replace(/[^a-z0-9]/gu, '');
}

export interface HeaderMapping {
  /** Column index → field. */
  fields: (string | undefined)[];
  /** Problems that make the whole file unusable (a required column missing, one named twice). */
  problems: string[];
  ignored: string[];
}

export function mapHeader(kind: ImportKind, header: readonly string[]): HeaderMapping {
  const specs = IMPORT_COLUMNS[kind];
  const byName = new Map<string, string>();
  for (const spec of specs) {
    for (const name of [spec.field, ...(spec.aliases ?? [])]) byName.set(normalizedHeader(name), spec.field);
  }
  const fields = header.map((column) => byName.get(normalizedHeader(column)));
  const problems: string[] = [];
  const seen = new Set<string>();
  fields.forEach((field, index) => {
    if (!field) return;
    if (seen.has(field)) problems.push(`column "${header[index]}" repeats ${field}`);
    seen.add(field);
  });
  for (const spec of specs) {
    if (spec.required && !seen.has(spec.field)) problems.push(`column ${spec.field} is missing`);
  }
  if (kind !== 'debtors' && !seen.has('debtorExternalRef') && !seen.has('debtorId')) {
    problems.push('column debtorExternalRef (or debtorId) is missing');
  }
  if (kind !== 'debtors' && !seen.has('amount') && !seen.has('amountMinor')) {
    problems.push('column amount (or amountMinor) is missing');
  }
  const ignored = header.filter((column, index) => fields[index] === undefined && column.trim() !== '');
  return { fields, problems, ignored };
}

/** A data row as field → text, empty cells left out. */
export function rowRecord(mapping: HeaderMapping, cells: readonly string[]): Record<string, string> {
  const record: Record<string, string> = {};
  mapping.fields.forEach((field, index) => {
    const value = cells[index]?.trim();
    if (field && value) record[field] = value;
  });
  return record;
}
