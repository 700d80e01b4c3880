import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { IMPORT_KINDS } from '../../domain/imports/import-job';
import { pageQuery, shortText } from './common';

export const createImportBody = withMeta(
  z.strictObject({
    kind: withMeta(z.enum(IMPORT_KINDS), { description: 'What the CSV file holds: one record per row' }),
    fileName: z.optional(shortText(200)),
    dryRun: withMeta(z.optional(z.boolean()), {
      description: 'Validate and report only; apply later with POST /v1/imports/{id}/start {apply:true}',
    }),
  }),
  { id: 'CreateImport' },
);

export const startImportBody = withMeta(
  z.strictObject({
    apply: withMeta(z.optional(z.boolean()), { description: 'Apply a validated dry run' }),
  }),
  { id: 'StartImport' },
);

export const listImportsQuery = z.strictObject({ ...pageQuery });

const counts = z.object({
  rows: z.number().check(z.int()),
  invalid: z.number().check(z.int()),
  created: z.number().check(z.int()),
  updated: z.number().check(z.int()),
  unchanged: z.number().check(z.int()),
});

export const importView = withMeta(
  z.object({
    id: z.string(),
    kind: z.enum(IMPORT_KINDS),
    fileName: z.string(),
    dryRun: z.boolean(),
    status: z.enum([
      'awaiting_upload',
      'queued',
      'validating',
      'validated',
      'applying',
      'completed',
      'failed',
    ]),
    counts: withMeta(counts, { description: 'Of the current pass: validation, then applying' }),
    validation: withMeta(z.optional(counts), {
      description: 'What validation found, before anything was written',
    }),
    progress: z.object({
      phase: z.optional(z.enum(['validation', 'apply'])),
      bytesRead: z.number().check(z.int()),
      totalBytes: z.optional(z.number().check(z.int())),
      percent: z.number().check(z.int(), z.gte(0), z.lte(100)),
    }),
    ignoredColumns: z.optional(z.array(z.string())),
    failure: z.optional(z.string()),
    errorsUrl: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.optional(z.string()),
    validatedAt: z.optional(z.string()),
    completedAt: z.optional(z.string()),
    version: z.number().check(z.int()),
  }),
  { id: 'Import' },
);

export const createdImportView = withMeta(
  z.extend(importView, {
    upload: z.object({
      method: z.literal('PUT'),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  }),
  { id: 'CreatedImport' },
);

export const importErrorView = withMeta(
  z.object({ row: z.number().check(z.int()), field: z.string(), reason: z.string() }),
  { id: 'ImportRowError' },
);
