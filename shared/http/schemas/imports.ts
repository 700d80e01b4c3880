import * as z from 'zod';
import { IMPORT_KINDS } from '../../domain/imports/import-job';
import { pageQuery, shortText } from './common';

export const createImportBody = z
  .strictObject({
    kind: z.enum(IMPORT_KINDS).meta({ description: 'What the CSV file holds: one record per row' }),
    fileName: shortText(200).optional(),
    dryRun: z.boolean().optional().meta({
      description: 'Validate and report only; apply later with POST /v1/imports/{id}/start {apply:true}',
    }),
  })
  .meta({ id: 'CreateImport' });

export const startImportBody = z
  .strictObject({
    apply: z.boolean().optional().meta({ description: 'Apply a validated dry run' }),
  })
  .meta({ id: 'StartImport' });

export const listImportsQuery = z.strictObject({ ...pageQuery });

const counts = z.object({
  rows: z.number().int(),
  invalid: z.number().int(),
  created: z.number().int(),
  updated: z.number().int(),
  unchanged: z.number().int(),
});

export const importView = z
  .object({
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
    counts: counts.meta({ description: 'Of the current pass: validation, then applying' }),
    validation: counts.optional().meta({ description: 'What validation found, before anything was written' }),
    progress: z.object({
      phase: z.enum(['validation', 'apply']).optional(),
      bytesRead: z.number().int(),
      totalBytes: z.number().int().optional(),
      percent: z.number().int().min(0).max(100),
    }),
    ignoredColumns: z.array(z.string()).optional(),
    failure: z.string().optional(),
    errorsUrl: z.string(),
    createdBy: z.string(),
    createdAt: z.string(),
    startedAt: z.string().optional(),
    validatedAt: z.string().optional(),
    completedAt: z.string().optional(),
    version: z.number().int(),
  })
  .meta({ id: 'Import' });

export const createdImportView = importView
  .extend({
    upload: z.object({
      method: z.literal('PUT'),
      url: z.string(),
      headers: z.record(z.string(), z.string()),
      expiresAt: z.string(),
    }),
  })
  .meta({ id: 'CreatedImport' });

export const importErrorView = z
  .object({ row: z.number().int(), field: z.string(), reason: z.string() })
  .meta({ id: 'ImportRowError' });
