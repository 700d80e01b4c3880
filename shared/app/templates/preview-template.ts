/**
 * A template as a debtor would receive it: rendered with the debtor's open balance (or a sample
 * one), in the template's language and the debtor's conventions, with the footers the compliance
 * gate would require for that channel right now.
 */
import { canContact } from '../../domain/compliance/contact-gate';
import type { ContactObligation } from '../../domain/compliance/contact-rule-pack';
import { validationPeriodEnd } from '../../domain/compliance/validation-notice';
import type { Invoice } from '../../domain/invoices/invoice';
import { composeReminder, reminderVariables } from '../../domain/messaging/compose-reminder';
import { messageFooters } from '../../domain/messaging/message-footers';
import { debtorLocale } from '../../domain/messaging/message-locale';
import { localDate } from '../../domain/time/calendar-date';
import type { Services } from '../../runtime/services';
import { contactSituation, gateRequest } from '../contacts/contact-situation';
import type { UseCaseContext } from '../context';
import { findTemplate } from './templates';

const SAMPLE_INVOICES: Invoice[] = [
  sampleInvoice('SAMPLE-1', 125_000, '2026-01-15'),
  sampleInvoice('SAMPLE-2', 48_050, '2026-02-15'),
];

/** What a preview shows in place of a real portal link. */
export const PREVIEW_PORTAL_LINK = 'https://portal.example/portal#link=…';

export async function previewTemplate(
  services: Pick<Services, 'clock' | 'templates' | 'debtors' | 'ledger' | 'settings' | 'contacts'>,
  context: UseCaseContext,
  id: string,
  request: { debtorId?: string },
) {
  const template = await findTemplate(services, context.actor.tenantId, id);
  const now = services.clock.now();
  let name = 'Sample Debtor';
  let invoices = SAMPLE_INVOICES;
  let locale = { language: template.language, format: template.language === 'de' ? 'de-DE' : 'en-US' };
  let obligations: readonly ContactObligation[] = [];
  let noticeEnd: string | undefined;
  if (request.debtorId) {
    const situation = await contactSituation(services, context.actor, request.debtorId, now);
    const decision = canContact(
      gateRequest(situation, { channel: template.channel, at: now, purpose: 'collection' }),
    );
    name = situation.debtor.name;
    invoices = situation.invoices;
    locale = { language: template.language, format: debtorLocale(situation.debtor).format };
    obligations = decision.obligations;
    const notice = situation.packs.find((pack) => pack.validationNotice)?.validationNotice;
    if (notice) noticeEnd = validationPeriodEnd(localDate(now, situation.debtor.timezone), notice);
  }
  // A preview shows where the portal link goes without making one (it would let someone in).
  const variables = reminderVariables(name, invoices, locale, PREVIEW_PORTAL_LINK);
  const composed = composeReminder(template, variables);
  const footers = messageFooters(obligations, template.channel, template.language, {
    itemisedBalance: variables.itemisedBalance,
    totalOutstanding: variables.totalOutstanding,
    ...(noticeEnd ? { validationPeriodEnd: noticeEnd } : {}),
  });
  return {
    templateId: template.id,
    version: template.version,
    channel: template.channel,
    language: template.language,
    ...(composed.subject ? { subject: composed.subject } : {}),
    body: footers.length === 0 ? composed.body : `${composed.body}\n\n${footers.join('\n\n')}`,
    obligations: [...obligations],
  };
}

function sampleInvoice(number: string, amount: number, dueDate: string): Invoice {
  return {
    id: `inv_${number}`,
    tenantId: 'sample',
    debtorId: 'sample',
    number,
    currency: 'EUR',
    amount,
    paid: 0,
    credited: 0,
    writtenOff: 0,
    issueDate: dueDate,
    dueDate,
    version: 1,
    createdAt: `${dueDate}T00:00:00.000Z`,
    updatedAt: `${dueDate}T00:00:00.000Z`,
    createdBy: 'sample',
  };
}
