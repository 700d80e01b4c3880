/**
 * CSV import through the local runtime, as `recoup import` does it: upload to the presigned URL,
 * start, follow. Prints rows per second per phase and the heap of the process running the worker
 * (sampled while it runs): flat, because the file is streamed and batches are let go.
 */
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startLocalRuntime } from '../local/runtime';

interface ImportJobView {
  id: string;
  status: string;
  failure?: string;
  counts: { rows: number; created: number };
  upload: { url: string; headers: Record<string, string> };
}

export interface ImportFigures {
  kind: string;
  rows: number;
  megabytes: number;
  created: number;
  invalid: number;
  badRowsReportedExactly: boolean;
  validationRowsPerSecond: number;
  applyRowsPerSecond: number;
  overallRowsPerSecond: number;
  heapMb: { start: number; peak: number; end: number };
  dynamoDbCalls: Record<string, number>;
}

export async function importLoad(invoiceRows = 100_000, debtors = 10_000): Promise<ImportFigures[]> {
  const dir = mkdtempSync(join(tmpdir(), 'recoup-import-bench-'));
  const calls = new Map<string, number>();
  let counting = false;
  const runtime = await startLocalRuntime({
    onDynamoDbCall: (command) => {
      if (counting) calls.set(command, (calls.get(command) ?? 0) + 1);
    },
  });
  try {
    await runtime.clock.moveTo(new Date('2027-01-15T09:00:00Z'));
    const { token } = await runtime.issuer.issue({ tenantId: 'bench', roles: ['admin'], sub: 'bench' });
    const api = async (method: string, path: string, body?: unknown) => {
      const response = await fetch(`${runtime.url}${path}`, {
        method,
        headers: {
          authorization: `Bearer ${token}`,
          'content-type': 'application/json',
          'idempotency-key': `${Math.random()}`,
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
      return (await response.json()) as ImportJobView;
    };

    const debtorsFile = join(dir, 'debtors.csv');
    const debtorLines = ['externalRef,name,kind,email,timezone,jurisdiction'];
    for (let index = 0; index < debtors; index += 1) {
      debtorLines.push(`C-${index},Customer ${index} Ltd,business,ar${index}@example.com,Europe/London,GB`);
    }
    writeFileSync(debtorsFile, `${debtorLines.join('\n')}\n`);
    const invoicesFile = join(dir, 'invoices.csv');
    const invoiceLines = ['number,debtorExternalRef,currency,amount,issueDate,dueDate'];
    const badRows: number[] = [];
    for (let index = 0; index < invoiceRows; index += 1) {
      const day = String(1 + (index % 28)).padStart(2, '0');
      // One row in a hundred is bad, three ways: each must be reported, the rest imported.
      if (index % 100 === 99) {
        badRows.push(index + 1);
        const kind = (index / 100) % 3;
        invoiceLines.push(
          kind < 1
            ? `INV-${index},C-${index % debtors},GBP,twelve,2027-01-${day},2027-03-${day}`
            : kind < 2
              ? `INV-${index},NOBODY-${index},GBP,10.00,2027-01-${day},2027-03-${day}`
              : `INV-${index},C-${index % debtors},GBP,10.00,2027-03-${day},2027-01-${day}`,
        );
        continue;
      }
      // Not yet due: the import's own cost, not the collection cases it would open.
      invoiceLines.push(
        `INV-${index},C-${index % debtors},GBP,${(100 + (index % 9_000)).toFixed(2)},2027-01-${day},2027-03-${day}`,
      );
    }
    writeFileSync(invoicesFile, `${invoiceLines.join('\n')}\n`);

    const figures: ImportFigures[] = [];
    for (const [kind, file] of [
      ['debtors', debtorsFile],
      ['invoices', invoicesFile],
    ] as const) {
      const created = await api('POST', '/v1/imports', { kind });
      const bytes = statSync(file).size;
      await fetch(created.upload.url, {
        method: 'PUT',
        headers: created.upload.headers,
        body: readFileSync(file),
      });
      global.gc?.();
      const heapStart = process.memoryUsage().heapUsed;
      let heapPeak = heapStart;
      const sampler = setInterval(() => {
        heapPeak = Math.max(heapPeak, process.memoryUsage().heapUsed);
      }, 50);
      calls.clear();
      counting = true;
      const started = performance.now();
      await api('POST', `/v1/imports/${created.id}/start`, {});
      let validatedAt = 0;
      let job = { status: 'queued' } as ImportJobView;
      while (job.status !== 'completed' && job.status !== 'failed') {
        await new Promise((next) => setTimeout(next, 100));
        job = await api('GET', `/v1/imports/${created.id}`);
        if (!validatedAt && (job.status === 'applying' || job.status === 'completed'))
          validatedAt = performance.now();
      }
      const finished = performance.now();
      counting = false;
      clearInterval(sampler);
      if (job.status !== 'completed') throw new Error(`import ${kind} ${job.status}: ${job.failure}`);
      const reported = new Set<number>();
      for (let cursor: string | null = null, first = true; first || cursor; first = false) {
        const page = (await api(
          'GET',
          `/v1/imports/${created.id}/errors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
        )) as unknown as { items: { row: number }[]; nextCursor: string | null };
        for (const error of page.items) reported.add(error.row);
        cursor = page.nextCursor;
      }
      const expectedBad = kind === 'invoices' ? badRows : [];
      const exact = reported.size === expectedBad.length && expectedBad.every((row) => reported.has(row));
      const rows = job.counts.rows as number;
      figures.push({
        kind,
        rows,
        megabytes: Math.round((bytes / 1_048_576) * 10) / 10,
        created: job.counts.created,
        invalid: reported.size,
        badRowsReportedExactly: exact,
        validationRowsPerSecond: Math.round(rows / ((validatedAt - started) / 1000)),
        applyRowsPerSecond: Math.round(rows / ((finished - validatedAt) / 1000)),
        overallRowsPerSecond: Math.round(rows / ((finished - started) / 1000)),
        heapMb: {
          start: Math.round(heapStart / 1_048_576),
          peak: Math.round(heapPeak / 1_048_576),
          end: Math.round((global.gc?.(), process.memoryUsage().heapUsed) / 1_048_576),
        },
        dynamoDbCalls: Object.fromEntries([...calls].sort()),
      });
    }
    return figures;
  } finally {
    await runtime.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const figures = await importLoad(Number(process.env.BENCH_IMPORT_ROWS ?? 100_000));
  for (const figure of figures) console.log(JSON.stringify(figure));
}
