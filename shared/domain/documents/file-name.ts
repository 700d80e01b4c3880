/**
 * A file name as the uploader's device gave it, made safe to store, show and offer back in a
 * `Content-Disposition` header: no folders, no control or reserved characters, no quotes, no
 * leading dots, at most 120 characters with the extension kept.
 */
const MAX_FILE_NAME_LENGTH = 120;
const FALLBACK_NAME = 'document';

export function sanitizeFileName(original: string): string {
  // Browsers on Windows have sent full paths (`C:\fakepath\scan.pdf`): keep the last part only.
  const base = original.split(/[\\/]/).pop() ?? '';
  const cleaned = base
    .normalize('NFC')
    .replace(/[\p{Cc}\p{Cf}<>:"|?*;'`]/gu, '')
    .replace(/\s+/gu, ' ')
    .trim()
    .replace(/^[.\s]+/u, '');
  if (cleaned === '') return FALLBACK_NAME;
  const characters = [...cleaned];
  if (characters.length <= MAX_FILE_NAME_LENGTH) return cleaned;
  const dot = cleaned.lastIndexOf('.');
  const extension = dot > 0 ? [...cleaned.slice(dot)] : [];
  const keep = extension.length > 0 && extension.length <= 10 ? extension : [];
  return (
    characters
      .slice(0, MAX_FILE_NAME_LENGTH - keep.length)
      .join('')
      .trimEnd() + keep.join('')
  );
}
