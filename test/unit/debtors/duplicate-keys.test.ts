import { addressKey } from '../../../shared/domain/debtors/duplicates/address-key';
import {
  duplicateScore,
  MIN_CANDIDATE_SCORE,
} from '../../../shared/domain/debtors/duplicates/duplicate-score';
import { emailKey } from '../../../shared/domain/debtors/duplicates/email-key';
import { matchKeysOf } from '../../../shared/domain/debtors/duplicates/match-keys';
import { nameKey, nameSimilarity } from '../../../shared/domain/debtors/duplicates/name-key';
import { phoneKey } from '../../../shared/domain/debtors/duplicates/phone-key';
import { taxIdKey } from '../../../shared/domain/debtors/duplicates/tax-id-key';

describe('duplicate keys', () => {
  it('folds names: case, accents, punctuation and legal forms', () => {
    expect(nameKey('Globex GmbH')).toBe('globex');
    expect(nameKey('GLOBEX Gmbh.')).toBe('globex');
    expect(nameKey('Müller & Söhne GmbH & Co. KG')).toBe('muller and sohne');
    expect(nameKey('Acme Co. Ltd')).toBe('acme');
    expect(nameKey('Initech, Inc.')).toBe('initech');
    expect(nameKey('Straße Bau AG')).toBe('strasse bau');
    // A legal form alone is the whole name: nothing is left to strip it from.
    expect(nameKey('Ltd')).toBe('ltd');
  });

  it('measures name similarity: the same name is 1, a typo stays close, another name is far', () => {
    expect(nameSimilarity('globex', 'globex')).toBe(1);
    expect(nameSimilarity('globex', 'glbex')).toBeGreaterThan(0.75);
    expect(nameSimilarity('globex', 'initech')).toBeLessThan(0.2);
    expect(nameSimilarity('', '')).toBe(0);
  });

  it('reads emails as mailboxes: case, sub-address, Gmail dots', () => {
    expect(emailKey(' AP+billing@Globex.example ')).toBe('ap@globex.example');
    expect(emailKey('j.o.doe+x@googlemail.com')).toBe('jodoe@gmail.com');
    expect(emailKey('j.doe@example.com')).toBe('j.doe@example.com');
    expect(emailKey('not-an-address')).toBeUndefined();
  });

  it('keeps phones as E.164 digits and refuses what is not one', () => {
    expect(phoneKey('+49 30 123-456')).toBe('+4930123456');
    expect(phoneKey('+1 (212) 555-0100')).toBe('+12125550100');
    expect(phoneKey('030 123456')).toBeUndefined();
  });

  it('compares tax ids by letters and digits', () => {
    expect(taxIdKey('DE 123 456 789')).toBe(taxIdKey('de123456789'));
    expect(taxIdKey('12-3456789')).toBe('123456789');
    expect(taxIdKey('1-2')).toBeUndefined();
  });

  it('compares addresses by country, postal code and the first line with street words made one', () => {
    const berlin = { lines: ['Hauptstraße 5'], locality: 'Berlin', postalCode: '10115', country: 'DE' };
    expect(addressKey(berlin)).toBe(addressKey({ ...berlin, lines: ['Hauptstr. 5', 'Hinterhaus'] }));
    expect(
      addressKey({ lines: ['10 Main Street'], locality: 'Leeds', postalCode: 'ls1 4ap', country: 'GB' }),
    ).toBe(addressKey({ lines: ['10 Main St.'], locality: 'LEEDS', postalCode: 'LS14AP', country: 'GB' }));
    expect(addressKey({ ...berlin, postalCode: undefined })).toBeUndefined();
    expect(addressKey(berlin)).not.toBe(addressKey({ ...berlin, country: 'AT' }));
  });

  it('writes only the keys a debtor has', () => {
    expect(matchKeysOf({ email: 'X@Y.example' })).toEqual({ email: 'x@y.example' });
    expect(matchKeysOf({})).toEqual({});
  });
});

describe('duplicate score', () => {
  const globex = { name: 'Globex GmbH', email: 'ap@globex.example', taxId: 'DE123456789' };

  it('scores a shared tax id, email and name to 100 with every reason', () => {
    const match = duplicateScore(globex, {
      name: 'GLOBEX Ltd.',
      email: 'AP+x@globex.example',
      taxId: 'de 123456789',
    });
    expect(match.score).toBe(100);
    expect(match.reasons.map((reason) => reason.field)).toEqual(['taxId', 'email', 'name']);
  });

  it('adds the points of the fields that match', () => {
    expect(
      duplicateScore(globex, { name: 'Someone Else', phone: '+4930123456', email: 'ap@globex.example' }),
    ).toEqual({
      score: 40,
      reasons: [{ field: 'email', points: 40, detail: expect.any(String) }],
    });
    const phoneAndName = duplicateScore(
      { name: 'Pat Doe', phone: '+12125550100' },
      { name: 'Pat  Doe', phone: '+1 212 555 0100' },
    );
    expect(phoneAndName.score).toBe(70);
  });

  it('leaves a similar name alone just at the threshold, and different debtors under it', () => {
    expect(duplicateScore({ name: 'Globex GmbH' }, { name: 'Globex AG' }).score).toBeGreaterThanOrEqual(
      MIN_CANDIDATE_SCORE,
    );
    expect(duplicateScore({ name: 'Globex GmbH' }, { name: 'Initech Inc' }).score).toBe(0);
  });

  it('is symmetric', () => {
    const other = { name: 'Globex Gmbh', email: 'accounts@globex.example', taxId: 'DE123456789' };
    expect(duplicateScore(globex, other)).toEqual(duplicateScore(other, globex));
  });
});
