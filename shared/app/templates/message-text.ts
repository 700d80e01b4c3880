/**
 * The text of a cadence message for one channel: the tenant's template the step names, in the
 * debtor's language, else in English, else the built-in text for the step's action.
 */
import { composeReminder, type ComposedMessage } from '../../domain/messaging/compose-reminder';
import type { MessageLocale } from '../../domain/messaging/message-locale';
import { templateId } from '../../domain/messaging/message-template';
import { builtinTemplate, type WrittenChannel } from '../../domain/messaging/reminder-templates';
import { usesVariable, type TemplateVariable } from '../../domain/messaging/render-template';
import type { PolicyStep } from '../../domain/policies/policy';
import type { Services } from '../../runtime/services';

export async function messageText(
  services: Pick<Services, 'templates'>,
  tenantId: string,
  step: Pick<PolicyStep, 'action' | 'template'>,
  channel: WrittenChannel,
  locale: MessageLocale,
  variables: Readonly<Record<TemplateVariable, string>>,
  /** Makes the debtor's portal link, for the texts that show one. */
  portalLink?: () => Promise<string>,
): Promise<ComposedMessage> {
  const filled = async (template: { subject?: string; body: string }) =>
    portalLink && usesVariable(`${template.subject ?? ''}\n${template.body}`, 'portalLink')
      ? { ...variables, portalLink: await portalLink() }
      : variables;
  if (step.template) {
    for (const language of [...new Set([locale.language, 'en' as const])]) {
      const own = await services.templates.get(
        tenantId,
        templateId({ key: step.template, channel, language }),
      );
      if (own) {
        const composed = composeReminder(own, await filled(own));
        return { ...composed, template: `${own.id}@v${own.version}` };
      }
    }
  }
  const builtin = builtinTemplate(step.action, channel, locale.language);
  return composeReminder(builtin, await filled(builtin));
}
