import type { CsvExport } from '../app/exports/csv-export';
import type { ApiTextResult } from './api-handler';

/** An export as the HTTP answer: CSV in UTF-8, offered as a download under its file name. */
export function csvResult(file: CsvExport): ApiTextResult {
  return {
    text: file.csv,
    contentType: 'text/csv; charset=utf-8',
    headers: {
      'content-disposition': `attachment; filename="${file.filename}"`,
      'cache-control': 'no-store',
    },
  };
}
