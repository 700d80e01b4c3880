/** What an export use case answers: the CSV text and the file name a browser saves it under. */
export interface CsvExport {
  filename: string;
  csv: string;
}
