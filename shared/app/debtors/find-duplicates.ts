/**
 * `GET /v1/debtors/{id}/duplicates`: the debtors that may be the same person or business, best
 * first. Candidates come from the lookup items of the debtor's exact keys (email, phone, tax id,
 * address: one query each) and from the name index (the names that start with the same word);
 * each is scored (duplicate-score.ts) and the weak ones dropped. Merged debtors are not candidates.
 */
import { searchKey, type Debtor } from '../../domain/debtors/debtor';
import { duplicateScore, MIN_CANDIDATE_SCORE } from '../../domain/debtors/duplicates/duplicate-score';
import { matchKeysOf, type MatchField } from '../../domain/debtors/duplicates/match-keys';
import type { Services } from '../../runtime/services';
import type { UseCaseContext } from '../context';
import { debtorView } from '../views/debtor-view';
import { findVisibleDebtor } from './find-debtor';

/** Per key and for the name: enough for real duplicates, bounded for a shared switchboard number. */
const CANDIDATES_PER_SOURCE = 50;

export async function findDuplicates(
  services: Pick<Services, 'debtors'>,
  context: UseCaseContext,
  id: string,
) {
  const debtor = await findVisibleDebtor(services.debtors, context.actor, id);
  const { tenantId } = debtor;
  const found = new Map<string, Debtor | undefined>();
  const keys = matchKeysOf(debtor);
  const sharing = await Promise.all(
    (Object.entries(keys) as [MatchField, string][]).map(([field, key]) =>
      services.debtors.sharingMatchKey(tenantId, field, key, CANDIDATES_PER_SOURCE),
    ),
  );
  for (const candidateId of sharing.flat()) found.set(candidateId, undefined);
  const firstWord = searchKey(debtor.name).split(' ')[0] ?? '';
  if (firstWord.length >= 2) {
    const named = await services.debtors.list(tenantId, { search: firstWord, limit: CANDIDATES_PER_SOURCE });
    for (const candidate of named.items) found.set(candidate.id, candidate);
  }
  found.delete(debtor.id);
  const candidates = await Promise.all(
    [...found].map(async ([candidateId, known]) => known ?? services.debtors.get(tenantId, candidateId)),
  );
  const items = candidates
    .filter((candidate): candidate is Debtor => candidate !== undefined && !candidate.mergedInto)
    .map((candidate) => ({ candidate, ...duplicateScore(debtor, candidate) }))
    .filter((match) => match.score >= MIN_CANDIDATE_SCORE)
    .sort((a, b) => b.score - a.score || a.candidate.name.localeCompare(b.candidate.name))
    .map(({ candidate, score, reasons }) => ({ debtor: debtorView(candidate), score, reasons }));
  return { items };
}
