/**
 * `recoup import <kind> <file>`: opens an import, uploads the file to its presigned URL (streamed
 * from disk), starts it and follows its progress with a progress bar until it finishes; then the
 * counts, and the first reported rows (all of them with `--errors all`).
 */
import { createReadStream, statSync } from 'node:fs';
import { basename } from 'node:path';
import { Readable } from 'node:stream';
import { randomUUID } from 'node:crypto';
import { SingleBar, Presets } from 'cli-progress';
import type { ApiClient } from './api-client';

interface ImportView {
  id: string;
  status: string;
  dryRun: boolean;
  counts: Record<string, number>;
  validation?: Record<string, number>;
  progress: { percent: number; phase?: string };
  failure?: string;
  ignoredColumns?: string[];
}

const FINISHED = new Set(['completed', 'failed']);
const POLL_MS = 250;

export async function importCommand(
  api: ApiClient,
  options: { kind: string; file: string; dryRun: boolean; allErrors: boolean; quiet: boolean },
  out: NodeJS.WritableStream = process.stdout,
): Promise<number> {
  const size = statSync(options.file).size;
  const created = await api.json<ImportView & { upload: { url: string; headers: Record<string, string> } }>(
    'POST',
    '/v1/imports',
    { kind: options.kind, fileName: basename(options.file), dryRun: options.dryRun },
    { 'idempotency-key': randomUUID() },
  );
  const uploaded = await fetch(created.upload.url, {
    method: 'PUT',
    headers: { ...created.upload.headers, 'content-length': String(size) },
    body: Readable.toWeb(createReadStream(options.file)) as ReadableStream,
    duplex: 'half',
  } as RequestInit);
  if (!uploaded.ok) throw new Error(`Upload refused: ${uploaded.status} ${await uploaded.text()}`);
  await api.json('POST', `/v1/imports/${created.id}/start`, {});

  const bar = options.quiet
    ? undefined
    : new SingleBar(
        {
          format: ' {bar} {percentage}% | {phase} | rows {rows} | created {created} | invalid {invalid}',
          hideCursor: true,
          stream: out as NodeJS.WriteStream,
        },
        Presets.shades_classic,
      );
  bar?.start(100, 0, { phase: 'queued', rows: 0, created: 0, invalid: 0 });
  let job: ImportView = created;
  while (!FINISHED.has(job.status) && !(job.status === 'validated' && job.dryRun)) {
    await new Promise((next) => setTimeout(next, POLL_MS));
    job = await api.json<ImportView>('GET', `/v1/imports/${created.id}`);
    bar?.update(job.progress.percent, {
      phase: job.progress.phase ?? job.status,
      rows: job.counts.rows,
      created: job.counts.created,
      invalid: job.counts.invalid,
    });
  }
  bar?.stop();

  const write = (line: string) => out.write(`${line}\n`);
  write(`Import ${job.id}: ${job.status}${job.failure ? ` (${job.failure})` : ''}`);
  const counts = job.dryRun ? job.validation : job.counts;
  if (counts) {
    write(
      `  rows ${counts.rows}, ${job.dryRun ? 'would create' : 'created'} ${counts.created}, updated ${counts.updated}, unchanged ${counts.unchanged}, invalid ${counts.invalid}`,
    );
  }
  if (job.ignoredColumns?.length) write(`  ignored columns: ${job.ignoredColumns.join(', ')}`);
  let cursor: string | null = null;
  let shown = 0;
  do {
    const page: { items: { row: number; field: string; reason: string }[]; nextCursor: string | null } =
      await api.json(
        'GET',
        `/v1/imports/${job.id}/errors?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`,
      );
    for (const error of page.items) {
      if (!options.allErrors && shown >= 20) break;
      write(`  row ${error.row}: ${error.field} ${error.reason}`);
      shown += 1;
    }
    cursor = options.allErrors ? page.nextCursor : null;
  } while (cursor);
  if (!options.allErrors && (counts?.invalid ?? 0) > shown)
    write(`  … all reported rows: recoup import-errors ${job.id}`);
  return job.status === 'failed' ? 1 : 0;
}
