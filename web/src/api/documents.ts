/**
 * Documents from the browser: the file is checked here first (type and size, the same rules the
 * API and storage apply), announced to the API, then sent straight to storage with the signed
 * form the API answered — the file never passes through the API.
 */
import {
  ALLOWED_CONTENT_TYPES,
  isAllowedContentType,
  MAX_DOCUMENT_BYTES,
} from '../../../shared/domain/documents/file-rules';
import { api } from './client';
import type { DocumentRecord } from './types';

/** What the file input offers to pick. */
export const ACCEPTED_FILES = [
  ...ALLOWED_CONTENT_TYPES,
  '.pdf',
  '.png',
  '.jpg',
  '.jpeg',
  '.tif',
  '.tiff',
  '.heic',
].join(',');

const TYPE_OF_EXTENSION: Record<string, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  tif: 'image/tiff',
  tiff: 'image/tiff',
  heic: 'image/heic',
};

/** Some browsers give no type for some files (HEIC photos): the extension says it then. */
export function contentTypeOf(file: File): string {
  return file.type || TYPE_OF_EXTENSION[file.name.split('.').pop()?.toLowerCase() ?? ''] || '';
}

/** Why this file cannot be sent, or undefined when it can. */
export function fileProblem(file: File): 'type' | 'size' | undefined {
  if (!isAllowedContentType(contentTypeOf(file))) return 'type';
  if (file.size < 1 || file.size > MAX_DOCUMENT_BYTES) return 'size';
  return undefined;
}

export class UploadFailed extends Error {
  constructor(readonly status: number) {
    super(`The upload was refused (${status})`);
    this.name = 'UploadFailed';
  }
}

/** Announces the file at `path` (e.g. `/v1/disputes/<id>/documents`) and uploads it. */
export async function uploadDocument(path: string, file: File, category: string): Promise<DocumentRecord> {
  const created = await api.post<
    DocumentRecord & { upload: { url: string; fields: Record<string, string> } }
  >(path, { fileName: file.name, contentType: contentTypeOf(file), size: file.size, category });
  const form = new FormData();
  for (const [name, value] of Object.entries(created.upload.fields)) form.append(name, value);
  // Storage reads the fields first; the file must come last.
  form.append('file', file);
  const response = await fetch(created.upload.url, { method: 'POST', body: form });
  if (!response.ok) throw new UploadFailed(response.status);
  return created;
}
