/**
 * The aging report as CSV: a row per debtor and currency with what is owed, current and in each
 * bucket as of a date, then a total row per currency — the figures of `GET /v1/portfolio` for that
 * date, which the debtor rows add up to. Computed by the same functions from the same records.
 */
import { csvDocument, type CsvCell } from '../../domain/exports/csv';
import { moneyColumns } from '../../domain/exports/money-columns';
import type { Aging } from '../../domain/ledger/aging';
import { agingAt, currentAt, outstandingAt } from '../../domain/metrics/receivables';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { ledgerFactsFrom } from '../metrics/ledger-facts-from-records';
import { recordsByDebtor } from '../metrics/records-by-debtor';
import { getPortfolio } from '../portfolio/get-portfolio';
import type { CsvExport } from './csv-export';

const BUCKETS: readonly (keyof Aging)[] = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'];

const HEADER = [
  'row',
  'as_of',
  'debtor_id',
  'debtor_name',
  'external_ref',
  'currency',
  ...['outstanding', 'overdue', ...BUCKETS].flatMap((column) => [column, `${column}_minor`]),
];

interface Figures {
  outstanding: number;
  overdue: number;
  aging: Aging;
}

function figureCells(currency: string, figures: Figures): CsvCell[] {
  return [
    ...moneyColumns(figures.outstanding, currency),
    ...moneyColumns(figures.overdue, currency),
    ...BUCKETS.flatMap((bucket) => moneyColumns(figures.aging[bucket], currency)),
  ];
}

export async function exportAging(
  services: Pick<Services, 'clock' | 'settings' | 'facts' | 'exchangeRates' | 'debtors'>,
  context: UseCaseContext,
  query: { asOf?: CalendarDate; currency?: string },
): Promise<CsvExport> {
  const tenantId = context.actor.tenantId;
  const settings = await services.settings.get(tenantId);
  const asOf = query.asOf ?? localDate(services.clock.now(), settings.timezone);
  // The totals are the portfolio's own (no conversion: one total per currency, never summed across).
  const portfolio = await getPortfolio(services, context, { asOf, convertTo: undefined });
  const books = portfolio.currencies.filter((book) => !query.currency || book.currency === query.currency);

  const rows: CsvCell[][] = [];
  const names = new Map<string, { name: string; externalRef?: string }>();
  for (const book of books) {
    const byDebtor = recordsByDebtor(await services.facts.records(tenantId, book.currency));
    const debtorRows: { debtorId: string; figures: Figures }[] = [];
    for (const [debtorId, records] of byDebtor) {
      const facts = ledgerFactsFrom(records, settings.timezone);
      const outstanding = outstandingAt(facts, book.currency, asOf);
      if (outstanding === 0) continue;
      debtorRows.push({
        debtorId,
        figures: {
          outstanding,
          overdue: outstanding - currentAt(facts, book.currency, asOf),
          aging: agingAt(facts, book.currency, asOf),
        },
      });
    }
    for (const { debtorId } of debtorRows) {
      if (names.has(debtorId)) continue;
      const debtor = await services.debtors.get(tenantId, debtorId);
      names.set(debtorId, { name: debtor?.name ?? '', externalRef: debtor?.externalRef });
    }
    debtorRows.sort(
      (a, b) =>
        names.get(a.debtorId)!.name.localeCompare(names.get(b.debtorId)!.name) ||
        a.debtorId.localeCompare(b.debtorId),
    );
    for (const { debtorId, figures } of debtorRows) {
      const debtor = names.get(debtorId)!;
      rows.push([
        'debtor',
        asOf,
        debtorId,
        debtor.name,
        debtor.externalRef,
        book.currency,
        ...figureCells(book.currency, figures),
      ]);
    }
    rows.push(['total', asOf, null, null, null, book.currency, ...figureCells(book.currency, book)]);
  }
  return {
    filename: `aging-${asOf}${query.currency ? `-${query.currency}` : ''}.csv`,
    csv: csvDocument(HEADER, rows),
  };
}
