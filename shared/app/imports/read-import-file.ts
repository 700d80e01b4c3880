/**
 * Streams an import file as batches of rows: parsed by csv-parse (RFC 4180 quoting, a BOM, CRLF),
 * numbered from 1 for the first data row, with how many bytes were read so far, so a pass never
 * holds more than one batch and can report progress.
 */
import type { Readable } from 'node:stream';
import { parse } from 'csv-parse';

export interface FileRow {
  /** 1 = the first row after the header. */
  row: number;
  cells: string[];
}

export interface RowBatch {
  rows: FileRow[];
  bytesRead: number;
}

export class MalformedFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'MalformedFileError';
  }
}

export async function* readImportFile(
  file: Readable,
  batchSize: number,
  onHeader: (header: string[]) => void,
): AsyncGenerator<RowBatch> {
  const parser = file.pipe(
    parse({ bom: true, relax_column_count: true, skip_empty_lines: true, trim: false }),
  );
  let header: string[] | undefined;
  let rows: FileRow[] = [];
  let row = 0;
  try {
    for await (const record of parser as AsyncIterable<string[]>) {
      if (!header) {
        header = record;
        onHeader(header);
        continue;
      }
      row += 1;
      rows.push({ row, cells: record });
      if (rows.length >= batchSize) {
        yield { rows, bytesRead: parser.info.bytes };
        rows = [];
      }
    }
  } catch (error) {
    // A broken quote or the like makes the rest of the file unreadable: say where.
    const code = (error as { code?: string }).code;
    if (code?.startsWith('CSV_')) throw new MalformedFileError(`${(error as Error).message}`);
    throw error;
  }
  if (!header) throw new MalformedFileError('the file is empty: a header row is expected');
  if (rows.length > 0) yield { rows, bytesRead: parser.info.bytes };
}
