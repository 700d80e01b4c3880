/**
 * The AR metrics as CSV: the figures of `GET /v1/metrics` for the period, and with a granularity a
 * row for each day or month of it. Ratios and day counts as numbers; amounts as money columns.
 */
import { csvDocument, type CsvCell } from '../../domain/exports/csv';
import { moneyColumns } from '../../domain/exports/money-columns';
import type { Granularity } from '../../domain/metrics/metrics-periods';
import type { CalendarDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { getMetrics, type MetricsSource } from '../metrics/get-metrics';
import type { CsvExport } from './csv-export';

const RATIOS = [
  'dso',
  'bestPossibleDso',
  'averageDaysDelinquent',
  'cei',
  'countbackDso',
  'badDebtRatio',
  'promiseKeptRate',
  'averageDaysToPay',
] as const;
const INPUTS = [
  'arBegin',
  'creditSales',
  'collections',
  'reversals',
  'creditNotes',
  'writeOffs',
  'arEnd',
] as const;
const BUCKETS = ['current', 'd1_30', 'd31_60', 'd61_90', 'd90_plus'] as const;

const snake = (name: string) => name.replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);

const HEADER = [
  'row',
  'from',
  'to',
  'currency',
  ...RATIOS.map(snake),
  ...[...INPUTS.map(snake), ...BUCKETS.map((bucket) => `aging_${bucket}`)].flatMap((column) => [
    column,
    `${column}_minor`,
  ]),
  'promises_kept',
  'promises_broken',
  'promises_pending',
  'disputes_opened',
  'disputes_resolved',
];

type Figures = Omit<Awaited<ReturnType<typeof getMetrics>>, 'currency' | 'timezone' | 'source' | 'series'>;

function row(kind: string, currency: string, figures: Figures): CsvCell[] {
  return [
    kind,
    figures.period.from,
    figures.period.to,
    currency,
    ...RATIOS.map((name) => figures[name]),
    ...INPUTS.flatMap((name) => moneyColumns(figures.inputs[name], currency)),
    ...BUCKETS.flatMap((bucket) => moneyColumns(figures.aging[bucket], currency)),
    figures.promises.kept,
    figures.promises.broken,
    figures.promises.pending,
    figures.disputes.opened,
    figures.disputes.resolved,
  ];
}

export async function exportMetrics(
  services: Pick<Services, 'clock' | 'settings' | 'facts' | 'receivableDays'>,
  context: UseCaseContext,
  query: {
    from: CalendarDate;
    to: CalendarDate;
    currency?: string;
    granularity?: Granularity;
    source?: MetricsSource;
  },
): Promise<CsvExport> {
  const metrics = await getMetrics(services, context, query);
  const rows = [
    row('period', metrics.currency, metrics),
    ...(metrics.series ?? []).map((figures) =>
      row(metrics.granularity ?? 'series', metrics.currency, figures),
    ),
  ];
  return {
    filename: `metrics-${metrics.currency}-${query.from}-${query.to}.csv`,
    csv: csvDocument(HEADER, rows),
  };
}
