import * as z from 'zod';
import { MESSAGE_LANGUAGES } from '../../domain/messaging/message-locale';
import { TEMPLATE_VARIABLES } from '../../domain/messaging/render-template';
import { idOf } from './common';

const text = z.string().trim().min(1, 'must not be empty');
const variablesNote = `Variables: ${TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')}`;

export const createTemplateBody = z
  .strictObject({
    key: z
      .string()
      .regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (up to 40)')
      .meta({ description: 'What policy steps name as `template`' }),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: text
      .max(200)
      .optional()
      .meta({ description: `Email and letter only. ${variablesNote}` }),
    body: text.max(10_000).meta({ description: variablesNote }),
  })
  .meta({ id: 'CreateTemplate' });

export const updateTemplateBody = z
  .strictObject({ subject: text.max(200).optional(), body: text.max(10_000) })
  .meta({ id: 'UpdateTemplate' });

export const templateParams = z.strictObject({
  id: z
    .string()
    .regex(
      /^tpl_[a-z0-9][a-z0-9-]{0,39}_(email|sms|letter)_[a-z]{2}$/,
      'must be a template id: tpl_<key>_<channel>_<language>',
    ),
});
export const templateQuery = z.strictObject({ version: z.coerce.number().int().min(1).optional() });

export const templateView = z
  .object({
    id: z.string(),
    key: z.string(),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: z.string().optional(),
    body: z.string(),
    version: z.int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  })
  .meta({ id: 'Template' });

export const templateList = z
  .object({ items: z.array(templateView), nextCursor: z.null() })
  .meta({ id: 'TemplateList' });

export const previewBody = z
  .strictObject({
    debtorId: idOf('dbt').optional().meta({ description: 'Render for this debtor; default: sample data' }),
  })
  .meta({ id: 'PreviewTemplate' });

export const previewView = z
  .object({
    templateId: z.string(),
    version: z.int(),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: z.string().optional(),
    body: z.string().meta({ description: 'With the footers the compliance gate requires now' }),
    obligations: z.array(z.string()),
  })
  .meta({ id: 'TemplatePreview' });
