/**
 * CSV imports from the browser, as the CLI does them: open the import, PUT the file straight to
 * storage with the signed URL the API answered (the file never passes through the API), start it,
 * then follow its progress.
 */
import { api } from './client';

export type ImportKind = 'debtors' | 'invoices' | 'payments';

export interface ImportCounts {
  rows: number;
  invalid: number;
  created: number;
  updated: number;
  unchanged: number;
}

export interface ImportJob {
  id: string;
  kind: ImportKind;
  fileName: string;
  dryRun: boolean;
  status: string;
  counts: ImportCounts;
  validation?: ImportCounts;
  progress: { percent: number; phase?: string };
  failure?: string;
  ignoredColumns?: string[];
  createdAt: string;
}

export interface RowProblem {
  row: number;
  field: string;
  reason: string;
}

export class ImportUploadFailed extends Error {
  constructor(readonly status: number) {
    super(`The upload was refused (${status})`);
    this.name = 'ImportUploadFailed';
  }
}

export function isFinished(job: ImportJob): boolean {
  return job.status === 'completed' || job.status === 'failed' || (job.status === 'validated' && job.dryRun);
}

export async function startImport(kind: ImportKind, file: File, dryRun: boolean): Promise<ImportJob> {
  const created = await api.post<ImportJob & { upload: { url: string; headers: Record<string, string> } }>(
    '/v1/imports',
    { kind, fileName: file.name, dryRun },
  );
  const uploaded = await fetch(created.upload.url, {
    method: 'PUT',
    headers: created.upload.headers,
    body: file,
  });
  if (!uploaded.ok) throw new ImportUploadFailed(uploaded.status);
  return api.post<ImportJob>(`/v1/imports/${created.id}/start`, {});
}

export const getImport = (id: string) => api.get<ImportJob>(`/v1/imports/${id}`);
export const importProblems = (id: string) =>
  api.get<{ items: RowProblem[]; nextCursor: string | null }>(`/v1/imports/${id}/errors?limit=100`);
