/**
 * A debtor's name as compared for duplicates: folded (case, accents, punctuation) and without the
 * legal form, so "Globex GmbH", "GLOBEX Gmbh." and "Globex" meet.
 */
import { foldText } from './text-folding';

/** Legal forms that say nothing about who the debtor is (folded, as whole trailing words). */
const LEGAL_FORMS: readonly string[][] = [
  'gmbh',
  'gmbh and co kg',
  'gmbh co kg',
  'mbh',
  'ag',
  'kg',
  'ohg',
  'ug',
  'ev',
  'ltd',
  'limited',
  'plc',
  'llp',
  'lp',
  'llc',
  'inc',
  'incorporated',
  'corp',
  'corporation',
  'co',
  'company',
  'sa',
  'sas',
  'sarl',
  'srl',
  'spa',
  'bv',
  'nv',
  'oy',
  'ab',
  'as',
  'aps',
  'pty',
  'pty ltd',
].map((form) => form.split(' '));

export function nameKey(name: string): string {
  const words = foldText(name).split(' ').filter(Boolean);
  // Strip legal forms from the end, longest first, as often as they stack ("Acme Co. Ltd").
  for (let stripped = true; stripped && words.length > 1;) {
    stripped = false;
    for (const form of [...LEGAL_FORMS].sort((a, b) => b.length - a.length)) {
      if (form.length >= words.length) continue;
      if (form.every((word, index) => words[words.length - form.length + index] === word)) {
        words.splice(words.length - form.length, form.length);
        stripped = true;
        break;
      }
    }
  }
  return words.join(' ');
}

/**
 * Similarity of two name keys, 0–1: the better of the Sørensen–Dice coefficient of their character
 * bigrams (forgives swapped words) and the edit distance relative to the longer name (forgives a
 * typo in a short name, where one letter breaks two of few bigrams).
 */
export function nameSimilarity(a: string, b: string): number {
  if (a === b) return a === '' ? 0 : 1;
  return Math.max(diceOfBigrams(a, b), 1 - editDistance(a, b) / Math.max(a.length, b.length));
}

function diceOfBigrams(a: string, b: string): number {
  const left = bigrams(a);
  const right = bigrams(b);
  if (left.size === 0 || right.size === 0) return 0;
  let shared = 0;
  for (const [gram, count] of left) shared += Math.min(count, right.get(gram) ?? 0);
  const total = [...left.values(), ...right.values()].reduce((sum, count) => sum + count, 0);
  return (2 * shared) / total;
}

/** Levenshtein distance, one row at a time. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i += 1) {
    const row = [i];
    for (let j = 1; j <= b.length; j += 1) {
      row[j] = Math.min(
        (previous[j] as number) + 1,
        (row[j - 1] as number) + 1,
        (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    previous = row;
  }
  return previous[b.length] as number;
}

function bigrams(text: string): Map<string, number> {
  const compact = text.replace(/ /g, '');
  const grams = new Map<string, number>();
  for (let index = 0; index < compact.length - 1; index += 1) {
    const gram = compact.slice(index, index + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}
