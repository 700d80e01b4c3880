import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { ATTACHMENT_KINDS, DOCUMENT_CATEGORIES } from '../../domain/documents/document';
import { ALLOWED_CONTENT_TYPES, MAX_DOCUMENT_BYTES } from '../../domain/documents/file-rules';
import { idOf, instant, shortText } from './common';

const ATTACHMENT_ID = /^(dbt|inv|dsp|pay)_[0-9A-HJKMNP-TV-Z]{26}$/;

const fileFields = {
  fileName: withMeta(shortText(255), {
    description: 'As on the uploader’s device; stored sanitised',
    example: 'invoice-2026-0042.pdf',
  }),
  contentType: withMeta(z.enum(ALLOWED_CONTENT_TYPES), {
    description: 'The file’s type; the stored bytes must be of it',
  }),
  size: withMeta(
    z
      .number()
      .check(
        z.int('must be a whole number of bytes'),
        z.gte(1, 'must be at least 1 byte'),
        z.lte(MAX_DOCUMENT_BYTES, `must not exceed ${MAX_DOCUMENT_BYTES} bytes (10 MB)`),
      ),
    { description: 'Bytes; storage refuses a bigger file', example: 48213 },
  ),
  category: z._default(z.enum(DOCUMENT_CATEGORIES), 'other'),
};

/** On a debtor: to the debtor itself, or (`attachedTo`) to one of its invoices, disputes or payments. */
export const createDebtorDocumentBody = withMeta(
  z.strictObject({
    ...fileFields,
    attachedTo: z.optional(
      z.strictObject({
        kind: z.enum(['invoice', 'dispute', 'payment']),
        id: z.string().check(z.regex(ATTACHMENT_ID, 'must be an invoice, dispute or payment id')),
      }),
    ),
  }),
  { id: 'CreateDebtorDocument' },
);

/** On an invoice or a dispute: attached to it. */
export const createAttachedDocumentBody = withMeta(z.strictObject(fileFields), { id: 'CreateDocument' });

export const listDocumentsQuery = z.strictObject({
  attachedTo: withMeta(
    z.optional(z.string().check(z.regex(ATTACHMENT_ID, 'must be a debtor, invoice, dispute or payment id'))),
    { description: 'Only the documents attached to this record' },
  ),
});

export const documentView = withMeta(
  z.object({
    id: idOf('doc'),
    debtorId: idOf('dbt'),
    attachedTo: z.object({ kind: z.enum(ATTACHMENT_KINDS), id: z.string() }),
    fileName: z.string(),
    contentType: z.enum(ALLOWED_CONTENT_TYPES),
    size: z.number().check(z.int()),
    category: z.enum(DOCUMENT_CATEGORIES),
    status: z.enum(['pending_upload', 'pending_scan', 'available', 'rejected']),
    rejectionReason: z.optional(
      z.enum(['empty', 'too_large', 'wrong_type', 'infected', 'unscannable', 'scan_failed', 'replaced']),
    ),
    uploadedBy: z.string(),
    createdAt: instant,
    uploadedAt: z.optional(instant),
    decidedAt: z.optional(instant),
    version: z.number().check(z.int()),
    download: withMeta(z.optional(z.object({ url: z.string(), expiresAt: instant })), {
      description: 'Available documents only: a link that works for five minutes',
    }),
  }),
  { id: 'Document' },
);

export const createdDocumentView = withMeta(
  z.extend(documentView, {
    upload: withMeta(
      z.object({ url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: instant }),
      {
        description:
          'POST the file here as multipart/form-data: every field as given, then the file as `file`; 15 minutes',
      },
    ),
  }),
  { id: 'CreatedDocument' },
);
