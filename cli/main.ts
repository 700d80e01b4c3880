/**
 * The Recoup command line, against the HTTP API (local or deployed):
 *   recoup import <debtors|invoices|payments> <file.csv> [--dry-run] [--all-errors]
 *   recoup import-errors <importId>
 *   recoup imports
 * Where: --url (RECOUP_URL, default http://localhost:3000); who: --token (RECOUP_TOKEN), or for
 * the local runtime a development token of --tenant (RECOUP_TENANT, default "demo").
 */
import { parseArgs } from 'node:util';
import { ApiClient, ApiError } from './api-client';
import { importCommand } from './import-command';

const USAGE = `Usage:
  recoup import <debtors|invoices|payments> <file.csv> [--dry-run] [--all-errors] [--quiet]
  recoup import-errors <importId>
  recoup imports
Options: --url <api> (RECOUP_URL)  --token <jwt> (RECOUP_TOKEN)  --tenant <id> (local runtime only)`;

async function main(argv: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      url: { type: 'string', default: process.env.RECOUP_URL ?? 'http://localhost:3000' },
      token: { type: 'string', default: process.env.RECOUP_TOKEN },
      tenant: { type: 'string', default: process.env.RECOUP_TENANT ?? 'demo' },
      'dry-run': { type: 'boolean', default: false },
      'all-errors': { type: 'boolean', default: false },
      quiet: { type: 'boolean', default: false },
      help: { type: 'boolean', default: false },
    },
  });
  const [command, ...rest] = positionals;
  if (values.help || !command) {
    console.log(USAGE);
    return values.help ? 0 : 2;
  }
  const api = values.token
    ? new ApiClient(values.url, values.token)
    : await ApiClient.withLocalToken(values.url, values.tenant);
  switch (command) {
    case 'import': {
      const [kind, file] = rest;
      if (!kind || !file || !['debtors', 'invoices', 'payments'].includes(kind)) {
        console.error(USAGE);
        return 2;
      }
      return importCommand(api, {
        kind,
        file,
        dryRun: values['dry-run'],
        allErrors: values['all-errors'],
        quiet: values.quiet,
      });
    }
    case 'import-errors': {
      const [id] = rest;
      let cursor: string | null = null;
      do {
        const page: { items: { row: number; field: string; reason: string }[]; nextCursor: string | null } =
          await api.json(
            'GET',
            `/v1/imports/${id}/errors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
          );
        for (const error of page.items) console.log(`${error.row}\t${error.field}\t${error.reason}`);
        cursor = page.nextCursor;
      } while (cursor);
      return 0;
    }
    case 'imports': {
      const page = await api.json<{
        items: {
          id: string;
          kind: string;
          fileName: string;
          status: string;
          counts: Record<string, number>;
        }[];
      }>('GET', '/v1/imports?limit=50');
      for (const job of page.items) {
        console.log(`${job.id}\t${job.kind}\t${job.status}\t${job.counts.rows} rows\t${job.fileName}`);
      }
      return 0;
    }
    default:
      console.error(USAGE);
      return 2;
  }
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error(error instanceof ApiError || error instanceof Error ? error.message : String(error));
    process.exit(1);
  },
);
