/**
 * The tenant-day job that keeps credit data fresh: when the tenant has asked for it
 * (`creditChecks.refreshAfterDays`), the debtors whose latest report is older are checked again,
 * oldest first, at most REFRESH_LIMIT a day (each report is billed). A company the bureau no longer
 * finds, or a debtor that cannot be checked any more, is skipped and the failure noted on its report
 * summary: that moves it to the back of the queue until its next refresh is due, so a few such
 * debtors never hold up the rest. A rate limit or refused credentials end the run for the day — the
 * next day picks up where it stopped, as the oldest reports are still the oldest.
 */
import type { Actor } from '../../domain/actor';
import type { Debtor } from '../../domain/debtors/debtor';
import { ConflictError, DomainError } from '../../domain/errors';
import { localDate, type CalendarDate } from '../../domain/time/calendar-date';
import { logger } from '../../observability/powertools';
import {
  CreditBureauNotFoundError,
  CreditBureauRateLimitedError,
  CreditBureauUnauthorisedError,
} from '../../ports/credit-bureau';
import type { Services } from '../../runtime/services';
import { auditor } from '../audit/auditor';
import { checkDebtorCredit } from './check-debtor-credit';

export const REFRESH_LIMIT = 50;
const DAY_MS = 24 * 60 * 60 * 1000;

export async function refreshCreditReports(
  services: Pick<Services, 'clock' | 'ids' | 'debtors' | 'creditBureau' | 'creditReports' | 'settings'>,
  tenantId: string,
  date: CalendarDate,
): Promise<{ refreshed: number; skipped: number }> {
  const settings = await services.settings.get(tenantId);
  const days = settings.creditChecks?.refreshAfterDays;
  if (days === undefined) return { refreshed: 0, skipped: 0 };
  const now = services.clock.now();
  // A rerun for a past date does nothing: only today's job orders reports.
  if (localDate(now, settings.timezone) !== date) return { refreshed: 0, skipped: 0 };
  const before = new Date(now.getTime() - days * DAY_MS).toISOString();
  const debtorIds = await services.creditReports.debtorsWithReportsBefore(tenantId, before, REFRESH_LIMIT);
  const actor: Actor = { sub: 'system:credit-refresh', tenantId, roles: ['admin'] };
  let refreshed = 0;
  let skipped = 0;
  for (const debtorId of debtorIds) {
    try {
      await checkDebtorCredit(services, { actor }, debtorId);
      refreshed += 1;
    } catch (error) {
      if (error instanceof CreditBureauRateLimitedError || error instanceof CreditBureauUnauthorisedError) {
        logger.warn('Credit report refresh stopped for today', { tenantId, reason: error.name });
        break;
      }
      if (!(error instanceof CreditBureauNotFoundError || error instanceof DomainError)) throw error;
      // A person changed the debtor while its report came: nothing about the company failed, so
      // the next run tries again rather than waiting a whole refresh period.
      if (!(error instanceof ConflictError))
        await noteFailedRefresh(services, actor, debtorId, error.message);
      skipped += 1;
    }
  }
  return { refreshed, skipped };
}

async function noteFailedRefresh(
  services: Pick<Services, 'clock' | 'ids' | 'debtors'>,
  actor: Actor,
  debtorId: string,
  reason: string,
): Promise<void> {
  const before = await services.debtors.get(actor.tenantId, debtorId);
  if (!before?.creditReport) return;
  const now = services.clock.now();
  const after: Debtor = {
    ...before,
    creditReport: { ...before.creditReport, refreshFailed: { at: now.toISOString(), reason } },
    version: before.version + 1,
    updatedAt: now.toISOString(),
  };
  try {
    await services.debtors.update(before, after, {
      audit: [
        auditor(services.ids, actor, now)(
          'debtor',
          debtorId,
          'debtor.credit_refresh_failed',
          { creditReport: before.creditReport },
          { creditReport: after.creditReport },
        ),
      ],
    });
  } catch (error) {
    // Changed by someone meanwhile: the next run notes it.
    if (!(error instanceof ConflictError)) throw error;
  }
}
