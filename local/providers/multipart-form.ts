/**
 * A multipart/form-data body (RFC 7578) as S3's POST upload reads it: text fields in order, and the
 * `file` part, which must come last (S3 ignores every field after it).
 */
export interface MultipartForm {
  fields: Map<string, string>;
  file?: { content: Buffer; fileName?: string };
}

export function parseMultipartForm(body: Buffer, contentType: string): MultipartForm | undefined {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!/^multipart\/form-data/i.test(contentType) || !marker) return undefined;
  const delimiter = Buffer.from(`--${marker}`);
  const form: MultipartForm = { fields: new Map() };
  let start = body.indexOf(delimiter);
  while (start >= 0) {
    const partStart = start + delimiter.length;
    // `--` after the delimiter closes the body.
    if (body.subarray(partStart, partStart + 2).toString() === '--') break;
    const next = body.indexOf(delimiter, partStart);
    if (next < 0) return undefined;
    const part = body.subarray(partStart + 2, next - 2); // without the CRLF on either side
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return undefined;
    const headers = part.subarray(0, split).toString('utf8');
    const content = part.subarray(split + 4);
    const disposition = /content-disposition:\s*form-data;([^\r\n]*)/i.exec(headers)?.[1] ?? '';
    const name = /\bname="([^"]*)"/i.exec(disposition)?.[1];
    if (name === undefined) return undefined;
    if (name === 'file') {
      const fileName = /\bfilename="([^"]*)"/i.exec(disposition)?.[1];
      form.file = { content: Buffer.from(content), ...(fileName !== undefined ? { fileName } : {}) };
      break;
    }
    // Field names are case-insensitive to S3 (`Content-Type`, `content-type`).
    form.fields.set(name.toLowerCase(), content.toString('utf8'));
    start = next;
  }
  return form;
}
