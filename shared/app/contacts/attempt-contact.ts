/**
 * An automated contact (workflow step, reminder, alert) asks the gate at the moment of sending and
 * records the outcome in the same transaction as the profile's version: two senders cannot both
 * pass a cap, and a refusal is kept (activity with status `refused`, audited) with its reasons and
 * the next allowed instant, so the caller reschedules instead of dropping the send.
 */
import { newActivity } from '../../domain/activities/activity';
import type { Actor } from '../../domain/actor';
import type { ContactChannel, ContactPurpose } from '../../domain/compliance/contact-channel';
import { afterContact } from '../../domain/compliance/contact-profile';
import { canContact } from '../../domain/compliance/contact-gate';
import type { OutboundMessage } from '../../domain/cases/outbound-message';
import type { Debtor } from '../../domain/debtors/debtor';
import { DuplicateSendError } from '../../ports/contact-store';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { decisionView } from './check-contact';
import { contactSituation, gateRequest, type ContactSituation } from './contact-situation';
import type { ContactObligation } from '../../domain/compliance/contact-rule-pack';
import { validationPeriodEnd } from '../../domain/compliance/validation-notice';
import { reminderVariables } from '../../domain/messaging/compose-reminder';
import { messageFooters } from '../../domain/messaging/message-footers';
import { debtorLocale } from '../../domain/messaging/message-locale';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';

export interface ContactAttemptRequest {
  debtorId: string;
  channel: ContactChannel;
  purpose?: ContactPurpose;
  threatensSuit?: boolean;
  /** What is being sent (template id, step), for the activity log. */
  description: string;
  /**
   * The message to queue when the gate allows it (not for calls). Its id is deterministic, so a
   * retried send finds it queued and sends nothing twice.
   */
  message?: {
    id: string;
    template: string;
    subject?: string;
    body: string;
    caseStep?: OutboundMessage['caseStep'];
    /** A call made by the system: the text is read out by an automated voice call. */
    deliverAs?: 'voice';
  };
}

/** The address a channel reaches, from the debtor record. */
function addressFor(debtor: Debtor, channel: ContactChannel): string {
  if (channel === 'email') return debtor.email ?? '';
  if (channel === 'letter') {
    const address = debtor.postalAddress;
    return address
      ? [
          ...address.lines,
          [address.postalCode, address.locality, address.region].filter(Boolean).join(' '),
          address.country,
        ].join(', ')
      : '';
  }
  return debtor.phone ?? '';
}

export async function attemptContact(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'settings' | 'contacts'>,
  actor: Actor,
  request: ContactAttemptRequest,
) {
  return retryOnConcurrentChange({ tenantId: actor.tenantId, debtorId: request.debtorId }, async () => {
    const at = services.clock.now();
    const situation = await contactSituation(services, actor, request.debtorId, at);
    const { debtor, profile } = situation;
    const purpose = request.purpose ?? 'collection';
    const decision = canContact(
      gateRequest(situation, {
        channel: request.channel,
        at,
        purpose,
        threatensSuit: request.threatensSuit ?? false,
        automated: true,
      }),
    );
    const activity = newActivity(
      services.ids.next('act'),
      { tenantId: debtor.tenantId, debtorId: debtor.id },
      { type: request.channel, direction: 'outbound', purpose, text: request.description },
      actor,
      at,
      {
        source: 'system',
        status: decision.allowed ? 'done' : 'refused',
        compliance: { allowed: decision.allowed, reasons: [...decision.reasons] },
      },
    );
    // A written message owing the validation notice carries it (the message renders the obligation).
    const carriesNotice =
      purpose === 'validation_notice' ||
      (decision.obligations.includes('validation_notice') &&
        (request.channel === 'letter' || request.channel === 'email'));
    const after = decision.allowed
      ? afterContact(profile, { at: activity.at, validationNotice: carriesNotice }, at)
      : { ...profile, version: profile.version + 1 };
    const audit = auditor(services.ids, actor, at);
    const written = request.channel !== 'call';
    const voice = request.channel === 'call' && request.message?.deliverAs === 'voice';
    const message: OutboundMessage | undefined =
      decision.allowed && request.message && (written || voice)
        ? {
            id: request.message.id,
            tenantId: debtor.tenantId,
            debtorId: debtor.id,
            channel: request.channel === 'call' ? 'voice' : request.channel,
            to: addressFor(debtor, request.channel),
            template: request.message.template,
            ...(request.message.subject && written ? { subject: request.message.subject } : {}),
            // A call carries no written footers: what a call must say is in its script.
            body:
              request.channel === 'call'
                ? request.message.body
                : withFooters(request.message.body, request.channel, decision.obligations, situation, {
                    validationPeriodEnd: carriesNotice ? validationPeriodEndFor(situation, at) : undefined,
                  }),
            obligations: [...decision.obligations],
            language: debtorLocale(debtor).language,
            status: 'queued',
            createdAt: at.toISOString(),
            activity: { id: activity.id, at: activity.at },
            ...(request.message.caseStep ? { caseStep: request.message.caseStep } : {}),
          }
        : undefined;
    try {
      await services.contacts.save(
        { profile: { before: profile, after }, activity, ...(message ? { message } : {}) },
        {
          audit: [
            audit('activity', activity.id, decision.allowed ? 'contact.sent' : 'contact.refused', null, {
              channel: request.channel,
              purpose,
              reasons: decision.reasons,
              nextAllowedAt: decision.nextAllowedAt?.toISOString() ?? null,
            }),
          ],
        },
      );
    } catch (error) {
      if (error instanceof DuplicateSendError) {
        // Sent before (a retried review): it went out, and the outbox relay delivers it if it
        // was left queued.
        return {
          activityId: undefined,
          duplicate: true,
          carriesValidationNotice: false,
          ...decisionView(decision, request.channel, at),
          allowed: true,
          reasons: [],
        };
      }
      throw error;
    }
    return {
      activityId: activity.id,
      duplicate: false,
      carriesValidationNotice: decision.allowed && carriesNotice,
      ...decisionView(decision, request.channel, at),
    };
  });
}

/** The message as sent: its text, then what this contact must carry (the gate's obligations). */
function withFooters(
  body: string,
  channel: 'email' | 'sms' | 'letter',
  obligations: readonly ContactObligation[],
  situation: ContactSituation,
  extra: { validationPeriodEnd: CalendarDate | undefined },
): string {
  const locale = debtorLocale(situation.debtor);
  const balance = reminderVariables(situation.debtor.name, situation.invoices, locale);
  const footers = messageFooters(obligations, channel, locale.language, {
    itemisedBalance: balance.itemisedBalance,
    totalOutstanding: balance.totalOutstanding,
    ...(extra.validationPeriodEnd ? { validationPeriodEnd: extra.validationPeriodEnd } : {}),
  });
  return footers.length === 0 ? body : `${body}\n\n${footers.join('\n\n')}`;
}

/** The last day to dispute, for a notice sent today, under the regime that asks for it. */
function validationPeriodEndFor(situation: ContactSituation, at: Date): CalendarDate | undefined {
  const notice = situation.packs.find((pack) => pack.validationNotice)?.validationNotice;
  return notice ? validationPeriodEnd(localDate(at, situation.debtor.timezone), notice) : undefined;
}
