/**
 * A postal address as compared for duplicates: country, postal code and first line, folded, with
 * the usual street-word abbreviations made one ("Main Street" = "Main St.", "Hauptstraße" =
 * "Hauptstr."). Without a postal code an address is too vague to be a key.
 */
import type { PostalAddress } from '../debtor';
import { foldText } from './text-folding';

const STREET_WORDS: Record<string, string> = {
  street: 'st',
  road: 'rd',
  avenue: 'ave',
  av: 'ave',
  boulevard: 'blvd',
  drive: 'dr',
  lane: 'ln',
  place: 'pl',
  square: 'sq',
  strasse: 'str',
  platz: 'pl',
  rue: 'r',
};

export function addressKey(address: PostalAddress): string | undefined {
  const postalCode = address.postalCode?.toUpperCase().replace(/[^A-Z0-9]/g, '');
  const firstLine = address.lines[0];
  if (!postalCode || !firstLine) return undefined;
  const line = foldText(firstLine)
    // "Hauptstrasse 5" → "haupt str 5": German streets write the word joined to the name.
    .replace(/(\p{L})(strasse|str)\b/gu, '$1 str')
    .split(' ')
    .map((word) => STREET_WORDS[word] ?? word)
    .join(' ');
  return `${address.country.toUpperCase()}|${postalCode}|${line}`;
}
