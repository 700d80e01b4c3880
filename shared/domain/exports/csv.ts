/**
 * CSV as RFC 4180 says — comma-separated, CRLF line ends, a field quoted when it holds a comma, a
 * quote or a line break, quotes doubled (csv-stringify does this part) — with the spreadsheet
 * formula-injection defence on top: a text cell starting with `=`, `+`, `-`, `@` (or a tab or
 * carriage return, which some spreadsheets skip before reading a formula) gets a leading `'`, so
 * opening an export never runs what someone typed into a name or a reference. Numbers and the
 * decimal amounts we format ourselves are not typed text and keep their minus sign.
 */
import { stringify } from 'csv-stringify/sync';

export type CsvCell = string | number | null | undefined | { readonly figure: string };

/** A value we computed (a decimal amount): written as is, never treated as typed text. */
export function figure(value: string): { readonly figure: string } {
  return { figure: value };
}

const FORMULA_START = /^[=+\-@\t\r]/;

function cellText(cell: CsvCell): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'string') return FORMULA_START.test(cell) ? `'${cell}` : cell;
  return cell.figure;
}

export function csvDocument(header: readonly string[], rows: readonly (readonly CsvCell[])[]): string {
  return stringify([header.map(cellText), ...rows.map((row) => row.map(cellText))], {
    record_delimiter: 'windows',
    // csv-stringify quotes the record delimiter (CRLF) but not a lone CR or LF, which readers
    // also take for a line end.
    quoted_match: /[\r\n]/,
  });
}
