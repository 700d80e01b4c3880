import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import {
  newTemplate,
  reviseTemplate,
  templateProblems,
  type MessageTemplate,
  type MessageTemplateDraft,
} from '../../domain/messaging/message-template';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';

type TemplateServices = Pick<Services, 'clock' | 'ids' | 'templates'>;

export function templateView(template: MessageTemplate) {
  const { tenantId: _tenantId, ...fields } = template;
  return fields;
}

export async function createTemplate(
  services: TemplateServices,
  context: UseCaseContext,
  draft: MessageTemplateDraft,
) {
  const problems = templateProblems(draft);
  if (problems.length > 0) throw new ValidationError(problems);
  const now = services.clock.now();
  const template = newTemplate(context.actor.tenantId, draft, context.actor, now);
  const view = templateView(template);
  await services.templates.create(template, {
    audit: [
      auditor(services.ids, context.actor, now)('template', template.id, 'template.created', null, template),
    ],
    idempotency: context.idempotency && { ...context.idempotency, body: view },
  });
  return view;
}

export async function updateTemplate(
  services: TemplateServices,
  context: UseCaseContext,
  id: string,
  text: Pick<MessageTemplateDraft, 'subject' | 'body'>,
) {
  const before = await findTemplate(services, context.actor.tenantId, id);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(`Template is at version ${before.version}, not ${context.expectedVersion}`);
  }
  const problems = templateProblems({ ...before, ...text, subject: text.subject });
  if (problems.length > 0) throw new ValidationError(problems);
  const now = services.clock.now();
  const after = reviseTemplate(before, text, context.actor, now);
  await services.templates.update(before, after, {
    audit: [auditor(services.ids, context.actor, now)('template', id, 'template.updated', before, after)],
  });
  return templateView(after);
}

export async function getTemplate(
  services: Pick<Services, 'templates'>,
  context: UseCaseContext,
  id: string,
  version?: number,
) {
  return templateView(await findTemplate(services, context.actor.tenantId, id, version));
}

export async function listTemplates(services: Pick<Services, 'templates'>, context: UseCaseContext) {
  const templates = await services.templates.list(context.actor.tenantId);
  return { items: templates.sort((a, b) => a.id.localeCompare(b.id)).map(templateView), nextCursor: null };
}

export async function findTemplate(
  services: Pick<Services, 'templates'>,
  tenantId: string,
  id: string,
  version?: number,
): Promise<MessageTemplate> {
  const template = await services.templates.get(tenantId, id, version);
  if (!template) throw new NotFoundError('Template');
  return template;
}
