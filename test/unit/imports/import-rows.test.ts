import fc from 'fast-check';
import { importedId } from '../../../shared/app/imports/imported-id';
import { progressPercent } from '../../../shared/app/imports/import-view';
import { emptyCounts, newImportJob, type ImportJob } from '../../../shared/domain/imports/import-job';
import { CURRENCY_CODES } from '../../../shared/domain/money/currencies';
import { toDecimalString } from '../../../shared/domain/money/money';
import { mapHeader, rowRecord } from '../../../shared/imports/import-columns';
import { parseImportRow } from '../../../shared/imports/parse-import-row';

const invoiceRow = (overrides: Record<string, string> = {}) => ({
  number: 'INV-1',
  debtorExternalRef: 'C-1',
  currency: 'EUR',
  amount: '100.00',
  issueDate: '2027-01-01',
  dueDate: '2027-01-31',
  ...overrides,
});

describe('import columns', () => {
  it('matches headers loosely and by alias, and lists the others', () => {
    const mapping = mapHeader('invoices', [
      'Invoice No',
      'Customer Ref',
      'CURRENCY',
      'amount',
      'Invoice Date',
      'due_date',
      'Region',
    ]);
    expect(mapping.problems).toEqual([]);
    expect(mapping.ignored).toEqual(['Region']);
    expect(rowRecord(mapping, ['A-1', 'C-9', 'usd', ' 5.00 ', '2027-01-01', '2027-02-01', 'north'])).toEqual({
      number: 'A-1',
      debtorExternalRef: 'C-9',
      currency: 'usd',
      amount: '5.00',
      issueDate: '2027-01-01',
      dueDate: '2027-02-01',
    });
  });

  it('names every missing or repeated column', () => {
    expect(mapHeader('invoices', ['number', 'Number', 'currency']).problems).toEqual([
      'column "Number" repeats number',
      'column issueDate is missing',
      'column dueDate is missing',
      'column debtorExternalRef (or debtorId) is missing',
      'column amount (or amountMinor) is missing',
    ]);
  });
});

describe('import rows', () => {
  it('reads any amount written in its currency back to the same minor units', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...CURRENCY_CODES),
        fc.integer({ min: 1, max: 10 ** 12 }),
        (currency, amount) => {
          const written = toDecimalString({ amount, currency });
          const outcome = parseImportRow('invoices', invoiceRow({ currency, amount: written }), 'UTC');
          expect(outcome).toEqual({
            ok: true,
            row: expect.objectContaining({ draft: expect.objectContaining({ amount, currency }) }),
          });
        },
      ),
    );
  });

  it('reports each bad field with its reason', () => {
    expect(
      parseImportRow(
        'invoices',
        invoiceRow({ currency: 'EUR', amount: '10.0051', dueDate: '2026-12-01' }),
        'UTC',
      ),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'amount', reason: 'must be an amount in EUR (e.g. 1250.50)' },
        { field: 'dueDate', reason: 'must not be before issueDate' },
      ],
    });
    expect(
      parseImportRow(
        'invoices',
        {
          number: 'INV-1',
          currency: 'EUR',
          issueDate: '2027-01-01',
          dueDate: '2027-01-31',
          amountMinor: '12.5',
        },
        'UTC',
      ),
    ).toEqual({
      ok: false,
      errors: [
        { field: 'debtorExternalRef', reason: 'is required (or debtorId)' },
        { field: 'amountMinor', reason: 'must be a whole number of minor units' },
        { field: 'amount', reason: 'is required' },
      ],
    });
  });

  it('takes a payment date as the start of that day in the creditor’s zone, across DST', () => {
    const row = {
      reference: 'B-1',
      debtorExternalRef: 'C-1',
      currency: 'USD',
      amount: '5',
      receivedAt: '2027-03-14',
    };
    const outcome = parseImportRow('payments', row, 'America/New_York');
    expect(outcome.ok && outcome.row.kind === 'payments' && outcome.row.draft.receivedAt).toBe(
      '2027-03-14T05:00:00.000Z',
    );
    const summer = parseImportRow('payments', { ...row, receivedAt: '2027-03-15' }, 'America/New_York');
    expect(summer.ok && summer.row.kind === 'payments' && summer.row.draft.receivedAt).toBe(
      '2027-03-15T04:00:00.000Z',
    );
  });
});

describe('imported ids', () => {
  it('are stable per key and tenant, well-formed, and differ otherwise', () => {
    fc.assert(
      fc.property(fc.string(), fc.string(), (a, b) => {
        const id = importedId('inv', 'acme', a);
        expect(id).toMatch(/^inv_[0-9A-HJKMNP-TV-Z]{26}$/);
        expect(importedId('inv', 'acme', a)).toBe(id);
        if (a !== b) expect(importedId('inv', 'acme', b)).not.toBe(id);
        expect(importedId('inv', 'globex', a)).not.toBe(id);
      }),
    );
  });
});

describe('import progress', () => {
  const job = (changes: Partial<ImportJob>): ImportJob => ({
    ...newImportJob(
      'imp_1',
      { sub: 'u', tenantId: 't', roles: ['admin'] },
      { kind: 'invoices', fileName: 'f.csv', dryRun: false },
      new Date(0),
    ),
    counts: emptyCounts(),
    totalBytes: 1_000,
    ...changes,
  });

  it('only goes forward through validation and applying', () => {
    const stages = [
      job({ status: 'queued' }),
      job({ status: 'validating', bytesRead: 0 }),
      job({ status: 'validating', bytesRead: 1_000 }),
      job({ status: 'applying', bytesRead: 0 }),
      job({ status: 'applying', bytesRead: 500 }),
      job({ status: 'applying', bytesRead: 1_000 }),
      job({ status: 'completed', bytesRead: 1_000 }),
    ].map(progressPercent);
    expect(stages).toEqual([0, 0, 10, 10, 55, 100, 100]);
  });
});
