/**
 * How likely two debtors are one and the same, 0–100, with the fields that say so. A shared
 * registration id is nearly proof; an email, phone or address shared with a similar name is
 * strong; a similar name alone is only a hint worth a look.
 */
import type { Debtor } from '../debtor';
import { matchKeysOf, type MatchField } from './match-keys';
import { nameKey, nameSimilarity } from './name-key';

export type MatchReasonField = MatchField | 'name';

export interface MatchReason {
  field: MatchReasonField;
  /** Points this field adds to the score. */
  points: number;
  detail: string;
}

export interface DuplicateScore {
  score: number;
  reasons: MatchReason[];
}

const FIELD_POINTS: Record<MatchField, number> = { taxId: 60, email: 40, phone: 35, address: 30 };
const FIELD_DETAIL: Record<MatchField, string> = {
  taxId: 'Same tax or registration id',
  email: 'Same email address (ignoring case, sub-address and Gmail dots)',
  phone: 'Same phone number (E.164)',
  address: 'Same postal address (country, postal code, first line)',
};
const NAME_POINTS = 35;
/** Below this Dice similarity two names are different names. */
export const NAME_SIMILARITY_FLOOR = 0.75;
/** Candidates under this score are not shown: a similar name alone just reaches it. */
export const MIN_CANDIDATE_SCORE = 25;

type Comparable = Pick<Debtor, 'name' | 'email' | 'phone' | 'taxId' | 'postalAddress'>;

export function duplicateScore(a: Comparable, b: Comparable): DuplicateScore {
  const reasons: MatchReason[] = [];
  const left = matchKeysOf(a);
  const right = matchKeysOf(b);
  for (const field of Object.keys(FIELD_POINTS) as MatchField[]) {
    if (left[field] !== undefined && left[field] === right[field]) {
      reasons.push({ field, points: FIELD_POINTS[field], detail: FIELD_DETAIL[field] });
    }
  }
  const similarity = nameSimilarity(nameKey(a.name), nameKey(b.name));
  if (similarity >= NAME_SIMILARITY_FLOOR) {
    reasons.push({
      field: 'name',
      points: Math.round(NAME_POINTS * similarity),
      detail:
        similarity === 1
          ? 'Same name (ignoring case, accents, punctuation and legal form)'
          : `Similar name (${Math.round(similarity * 100)}% alike)`,
    });
  }
  const score = Math.min(
    100,
    reasons.reduce((sum, reason) => sum + reason.points, 0),
  );
  return { score, reasons: reasons.sort((x, y) => y.points - x.points) };
}
