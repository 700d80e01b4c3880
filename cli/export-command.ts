/**
 * `recoup export <aging|metrics|ledger>`: downloads one of the API's CSV exports to a file (or
 * standard output with `--out -`). The CSV is the API's own (RFC 4180, amounts as decimals in
 * each currency with minor units beside them).
 */
import { writeFileSync } from 'node:fs';
import type { ApiClient } from './api-client';

export interface ExportOptions {
  report: string;
  debtorId?: string;
  asOf?: string;
  from?: string;
  to?: string;
  currency?: string;
  out?: string;
}

export function exportPath(options: ExportOptions): string {
  const query = (entries: Record<string, string | undefined>) => {
    const params = new URLSearchParams(
      Object.entries(entries).filter((entry): entry is [string, string] => entry[1] !== undefined),
    ).toString();
    return params ? `?${params}` : '';
  };
  switch (options.report) {
    case 'aging':
      return `/v1/exports/aging.csv${query({ asOf: options.asOf, currency: options.currency })}`;
    case 'metrics':
      if (!options.from || !options.to)
        throw new Error('recoup export metrics needs --from and --to (YYYY-MM-DD)');
      return `/v1/exports/metrics.csv${query({ from: options.from, to: options.to, currency: options.currency })}`;
    case 'ledger':
      if (!options.debtorId)
        throw new Error('recoup export ledger needs the debtor id: recoup export ledger dbt_…');
      return `/v1/debtors/${encodeURIComponent(options.debtorId)}/ledger.csv`;
    default:
      throw new Error(`Unknown export ${options.report}: aging, metrics or ledger`);
  }
}

export async function exportCommand(api: ApiClient, options: ExportOptions): Promise<number> {
  const csv = await api.text(exportPath(options));
  if (!options.out || options.out === '-') {
    process.stdout.write(csv);
  } else {
    writeFileSync(options.out, csv);
    console.error(`Wrote ${csv.split('\n').filter((line) => line !== '').length - 1} rows to ${options.out}`);
  }
  return 0;
}
