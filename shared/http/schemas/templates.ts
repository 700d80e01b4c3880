import * as z from 'zod/mini';
import { withMeta } from '../../zod';
import { MESSAGE_LANGUAGES } from '../../domain/messaging/message-locale';
import { TEMPLATE_VARIABLES } from '../../domain/messaging/render-template';
import { idOf } from './common';

const text = z.string().check(z.trim(), z.minLength(1, 'must not be empty'));
const variablesNote = `Variables: ${TEMPLATE_VARIABLES.map((name) => `{{${name}}}`).join(', ')}`;

export const createTemplateBody = withMeta(
  z.strictObject({
    key: withMeta(
      z
        .string()
        .check(
          z.regex(/^[a-z0-9][a-z0-9-]{0,39}$/, 'must be lower-case letters, digits and dashes (up to 40)'),
        ),
      { description: 'What policy steps name as `template`' },
    ),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: withMeta(z.optional(text.check(z.maxLength(200))), {
      description: `Email and letter only. ${variablesNote}`,
    }),
    body: withMeta(text.check(z.maxLength(10_000)), { description: variablesNote }),
  }),
  { id: 'CreateTemplate' },
);

export const updateTemplateBody = withMeta(
  z.strictObject({
    subject: z.optional(text.check(z.maxLength(200))),
    body: text.check(z.maxLength(10_000)),
  }),
  { id: 'UpdateTemplate' },
);

export const templateParams = z.strictObject({
  id: z
    .string()
    .check(
      z.regex(
        /^tpl_[a-z0-9][a-z0-9-]{0,39}_(email|sms|letter)_[a-z]{2}$/,
        'must be a template id: tpl_<key>_<channel>_<language>',
      ),
    ),
});
export const templateQuery = z.strictObject({
  version: z.optional(z.coerce.number().check(z.int(), z.gte(1))),
});

export const templateView = withMeta(
  z.object({
    id: z.string(),
    key: z.string(),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: z.optional(z.string()),
    body: z.string(),
    version: z.int(),
    createdAt: z.string(),
    createdBy: z.string(),
    updatedAt: z.string(),
    updatedBy: z.string(),
  }),
  { id: 'Template' },
);

export const templateList = withMeta(z.object({ items: z.array(templateView), nextCursor: z.null() }), {
  id: 'TemplateList',
});

export const previewBody = withMeta(
  z.strictObject({
    debtorId: withMeta(z.optional(idOf('dbt')), {
      description: 'Render for this debtor; default: sample data',
    }),
  }),
  { id: 'PreviewTemplate' },
);

export const previewView = withMeta(
  z.object({
    templateId: z.string(),
    version: z.int(),
    channel: z.enum(['email', 'sms', 'letter']),
    language: z.enum(MESSAGE_LANGUAGES),
    subject: z.optional(z.string()),
    body: withMeta(z.string(), { description: 'With the footers the compliance gate requires now' }),
    obligations: z.array(z.string()),
  }),
  { id: 'TemplatePreview' },
);
