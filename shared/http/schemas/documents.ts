import * as z from 'zod';
import { ATTACHMENT_KINDS, DOCUMENT_CATEGORIES } from '../../domain/documents/document';
import { ALLOWED_CONTENT_TYPES, MAX_DOCUMENT_BYTES } from '../../domain/documents/file-rules';
import { idOf, instant, shortText } from './common';

const ATTACHMENT_ID = /^(dbt|inv|dsp|pay)_[0-9A-HJKMNP-TV-Z]{26}$/;

const fileFields = {
  fileName: shortText(255).meta({
    description: 'As on the uploader’s device; stored sanitised',
    example: 'invoice-2026-0042.pdf',
  }),
  contentType: z
    .enum(ALLOWED_CONTENT_TYPES)
    .meta({ description: 'The file’s type; the stored bytes must be of it' }),
  size: z
    .number()
    .int('must be a whole number of bytes')
    .min(1, 'must be at least 1 byte')
    .max(MAX_DOCUMENT_BYTES, `must not exceed ${MAX_DOCUMENT_BYTES} bytes (10 MB)`)
    .meta({ description: 'Bytes; storage refuses a bigger file', example: 48213 }),
  category: z.enum(DOCUMENT_CATEGORIES).default('other'),
};

/** On a debtor: to the debtor itself, or (`attachedTo`) to one of its invoices, disputes or payments. */
export const createDebtorDocumentBody = z
  .strictObject({
    ...fileFields,
    attachedTo: z
      .strictObject({
        kind: z.enum(['invoice', 'dispute', 'payment']),
        id: z.string().regex(ATTACHMENT_ID, 'must be an invoice, dispute or payment id'),
      })
      .optional(),
  })
  .meta({ id: 'CreateDebtorDocument' });

/** On an invoice or a dispute: attached to it. */
export const createAttachedDocumentBody = z.strictObject(fileFields).meta({ id: 'CreateDocument' });

export const listDocumentsQuery = z.strictObject({
  attachedTo: z
    .string()
    .regex(ATTACHMENT_ID, 'must be a debtor, invoice, dispute or payment id')
    .optional()
    .meta({ description: 'Only the documents attached to this record' }),
});

export const documentView = z
  .object({
    id: idOf('doc'),
    debtorId: idOf('dbt'),
    attachedTo: z.object({ kind: z.enum(ATTACHMENT_KINDS), id: z.string() }),
    fileName: z.string(),
    contentType: z.enum(ALLOWED_CONTENT_TYPES),
    size: z.number().int(),
    category: z.enum(DOCUMENT_CATEGORIES),
    status: z.enum(['pending_upload', 'pending_scan', 'available', 'rejected']),
    rejectionReason: z
      .enum(['empty', 'too_large', 'wrong_type', 'infected', 'unscannable', 'scan_failed', 'replaced'])
      .optional(),
    uploadedBy: z.string(),
    createdAt: instant,
    uploadedAt: instant.optional(),
    decidedAt: instant.optional(),
    version: z.number().int(),
    download: z
      .object({ url: z.string(), expiresAt: instant })
      .optional()
      .meta({ description: 'Available documents only: a link that works for five minutes' }),
  })
  .meta({ id: 'Document' });

export const createdDocumentView = documentView
  .extend({
    upload: z.object({ url: z.string(), fields: z.record(z.string(), z.string()), expiresAt: instant }).meta({
      description:
        'POST the file here as multipart/form-data: every field as given, then the file as `file`; 15 minutes',
    }),
  })
  .meta({ id: 'CreatedDocument' });
