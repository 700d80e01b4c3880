import { hasAnyRole } from '../../domain/actor';
import {
  changeContactPreferences,
  type ContactPreferenceChanges,
  type ContactProfile,
} from '../../domain/compliance/contact-profile';
import { ConflictError, ForbiddenError } from '../../domain/errors';
import { auditor } from '../audit/auditor';
import { findVisibleDebtor } from '../debtors/find-debtor';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';

type PreferenceServices = Pick<Services, 'clock' | 'ids' | 'debtors' | 'contacts'>;

/** What a debtor may change on the portal: how to be contacted, not the account's legal flags. */
const PORTAL_FIELDS: ReadonlySet<string> = new Set(['cease', 'optOut', 'consent']);

export function contactPreferencesView(profile: ContactProfile) {
  const { tenantId: _tenantId, ...fields } = profile;
  return fields;
}

export async function getContactPreferences(
  services: Pick<Services, 'clock' | 'debtors' | 'contacts'>,
  context: UseCaseContext,
  debtorId: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, debtorId);
  const { profile } = await services.contacts.recent(debtor.tenantId, debtor.id, services.clock.now());
  return contactPreferencesView(profile);
}

export async function updateContactPreferences(
  services: PreferenceServices,
  context: UseCaseContext,
  debtorId: string,
  changes: ContactPreferenceChanges,
) {
  const { actor } = context;
  const debtor = await findVisibleDebtor(services.debtors, actor, debtorId);
  if (!hasAnyRole(actor, ['admin', 'manager', 'collector', 'accountant'])) {
    const other = Object.keys(changes).find((field) => !PORTAL_FIELDS.has(field));
    if (other) throw new ForbiddenError(`A debtor may not change ${other}`);
  }
  const now = services.clock.now();
  const { profile: before } = await services.contacts.recent(debtor.tenantId, debtor.id, now);
  if (context.expectedVersion !== undefined && context.expectedVersion !== before.version) {
    throw new ConflictError(
      `Contact preferences are at version ${before.version}, not ${context.expectedVersion}`,
    );
  }
  const after = changeContactPreferences(before, changes, actor, now);
  const audit = auditor(services.ids, actor, now);
  await services.contacts.save(
    { profile: { before, after } },
    { audit: [audit('debtor', debtor.id, 'contact-preferences.updated', before, after)] },
  );
  return contactPreferencesView(after);
}
