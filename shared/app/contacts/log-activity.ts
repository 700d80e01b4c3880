import { refuseIfMerged } from '../debtors/find-debtor';
import { contactChannel, newActivity, type ActivityDraft } from '../../domain/activities/activity';
import { afterContact } from '../../domain/compliance/contact-profile';
import { canContact } from '../../domain/compliance/contact-gate';
import { ValidationError } from '../../domain/errors';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import type { UseCaseContext } from '../context';
import { retryOnConcurrentChange } from '../retry-on-concurrent-change';
import { contactSituation, gateRequest } from './contact-situation';

/** A logged activity may be a little ahead of the server clock (a phone's clock), not more. */
const CLOCK_SKEW_MS = 5 * 60_000;

/**
 * A person logs what happened. An outbound contact counts toward the caps whether or not the gate
 * would have allowed it (it happened); one the gate would have refused is kept with the reasons
 * and audited as a breach, so a compliance officer sees it.
 */
export async function logActivity(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'ledger' | 'settings' | 'contacts'>,
  context: UseCaseContext,
  debtorId: string,
  draft: ActivityDraft,
) {
  const now = services.clock.now();
  const at = draft.at ? new Date(draft.at) : now;
  if (at.getTime() > now.getTime() + CLOCK_SKEW_MS) {
    throw new ValidationError([{ path: 'at', message: 'must not be in the future' }]);
  }
  if (draft.outcome && draft.type !== 'call') {
    throw new ValidationError([{ path: 'outcome', message: 'only calls have an outcome' }]);
  }
  return retryOnConcurrentChange({ tenantId: context.actor.tenantId, debtorId }, async () => {
    const situation = await contactSituation(services, context.actor, debtorId, at);
    const { debtor, profile } = situation;
    refuseIfMerged(debtor);
    const channel = contactChannel({ type: draft.type, direction: draft.direction ?? 'outbound' });
    const decision = channel
      ? canContact(gateRequest(situation, { channel, at, purpose: draft.purpose ?? 'collection' }))
      : undefined;
    const activity = newActivity(
      services.ids.next('act'),
      { tenantId: debtor.tenantId, debtorId: debtor.id },
      {
        ...draft,
        at: at.toISOString(),
        ...(draft.type === 'note' ? {} : { direction: draft.direction ?? 'outbound' }),
      },
      context.actor,
      now,
      {
        source: 'person',
        status: 'done',
        ...(decision ? { compliance: { allowed: decision.allowed, reasons: [...decision.reasons] } } : {}),
      },
    );
    const audit = auditor(services.ids, context.actor, now);
    const entries = [audit('activity', activity.id, 'activity.logged', null, activity)];
    if (decision && !decision.allowed) {
      entries.push(
        audit('debtor', debtor.id, 'contact.breach', null, {
          activityId: activity.id,
          reasons: decision.reasons,
        }),
      );
    }
    const profileChange = channel
      ? {
          profile: {
            before: profile,
            after: afterContact(
              profile,
              { at: activity.at, validationNotice: draft.purpose === 'validation_notice' },
              now,
            ),
          },
        }
      : {};
    await services.contacts.save(
      { ...profileChange, activity },
      {
        audit: entries,
        ...(context.idempotency
          ? { idempotency: { ...context.idempotency, body: activityView(activity) } }
          : {}),
      },
    );
    return activityView(activity);
  });
}

export function activityView(activity: ReturnType<typeof newActivity>) {
  const { tenantId: _tenantId, ...fields } = activity;
  return fields;
}
