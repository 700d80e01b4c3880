/**
 * A text a debtor sent back. The carriers' keywords are honoured for every debtor texted at that
 * number: STOP (and its synonyms) opts them out of texts, START opts them back in. Anything else
 * is kept as an inbound activity for the collectors to read.
 */
import { newActivity } from '../../domain/activities/activity';
import { changeContactPreferences } from '../../domain/compliance/contact-profile';
import { inboundKeyword } from '../../domain/messaging/text-keywords';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { signalCase } from '../cases/signal-case';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';

export interface InboundText {
  from: string;
  body: string;
  at: Date;
}

export async function recordInboundText(
  services: Pick<
    Services,
    'clock' | 'ids' | 'debtors' | 'ledger' | 'policies' | 'contacts' | 'cases' | 'workflow' | 'deliveryLog'
  >,
  text: InboundText,
): Promise<{ keyword: ReturnType<typeof inboundKeyword>; debtors: number }> {
  const keyword = inboundKeyword(text.body);
  const recipients = await services.deliveryLog.textRecipients(text.from);
  for (const { tenantId, debtorId } of recipients) {
    const actor = { sub: 'system:inbound-text', tenantId, roles: ['admin' as const] };
    await retryOnConcurrentChange({ tenantId, debtorId }, async () => {
      const now = services.clock.now();
      const { profile: before } = await services.contacts.recent(tenantId, debtorId, now);
      const optOut = keyword === 'stop' ? true : keyword === 'start' ? false : undefined;
      const changed = optOut !== undefined && (before.optOut.sms ?? false) !== optOut;
      const after = changed
        ? changeContactPreferences(before, { optOut: { sms: optOut } }, actor, now)
        : undefined;
      const activity = newActivity(
        services.ids.next('act'),
        { tenantId, debtorId },
        {
          type: 'sms',
          direction: 'inbound',
          at: text.at.toISOString(),
          // The keyword only: a free reply may carry personal data the log has no need of.
          text: keyword === 'other' ? 'Text reply received' : `Text reply: ${keyword.toUpperCase()}`,
        },
        actor,
        now,
        { source: 'system', status: 'done' },
      );
      const audit = auditor(services.ids, actor, now);
      await services.contacts.save(
        { ...(after ? { profile: { before, after } } : {}), activity },
        {
          audit: after ? [audit('debtor', debtorId, 'contact-preferences.updated', before, after)] : [],
        },
      );
    });
    if (keyword === 'stop' || keyword === 'start')
      await signalCase(services, tenantId, debtorId, `text ${keyword}`);
  }
  return { keyword, debtors: recipients.length };
}
