/**
 * The text of a cadence message for one channel: the tenant's template the step names, in the
 * debtor's language, else in English, else the built-in text for the step's action.
 */
import { composeReminder, type ComposedMessage } from '../../domain/messaging/compose-reminder';
import type { MessageLocale } from '../../domain/messaging/message-locale';
import { templateId } from '../../domain/messaging/message-template';
import { builtinTemplate, type WrittenChannel } from '../../domain/messaging/reminder-templates';
import type { TemplateVariable } from '../../domain/messaging/render-template';
import type { PolicyStep } from '../../domain/policies/policy';
import type { Services } from '../../runtime/services';

export async function messageText(
  services: Pick<Services, 'templates'>,
  tenantId: string,
  step: Pick<PolicyStep, 'action' | 'template'>,
  channel: WrittenChannel,
  locale: MessageLocale,
  variables: Readonly<Record<TemplateVariable, string>>,
): Promise<ComposedMessage> {
  if (step.template) {
    for (const language of [...new Set([locale.language, 'en' as const])]) {
      const own = await services.templates.get(
        tenantId,
        templateId({ key: step.template, channel, language }),
      );
      if (own) {
        const composed = composeReminder(own, variables);
        return { ...composed, template: `${own.id}@v${own.version}` };
      }
    }
  }
  return composeReminder(builtinTemplate(step.action, channel, locale.language), variables);
}
