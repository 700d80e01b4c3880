import fc from 'fast-check';
import { LocalLinkSigner } from '../../../local/auth/local-link-signer';
import { portalLinkAdmits } from '../../../shared/app/portal/portal-link-access';
import {
  decodePortalLink,
  encodePortalLink,
  portalLinkExpiry,
  portalLinkMessage,
  portalUsername,
} from '../../../shared/domain/portal/portal-link';
import { nextChallenge } from '../../../shared/domain/portal/portal-sign-in';

const signer = new LocalLinkSigner();
const now = new Date('2027-03-01T09:00:00Z');
const claims = {
  tenantId: 'acme',
  debtorId: 'dbt_01MG052TPZSPSFH9WFWKYVYF5Q',
  expiresAt: portalLinkExpiry(now),
};

async function link(overrides: Partial<typeof claims> = {}) {
  const signed = { ...claims, ...overrides };
  return encodePortalLink(signed, await signer.sign(portalLinkMessage(signed)));
}

describe('portal links', () => {
  it('read back what was written, for any ids and instants', () => {
    fc.assert(
      fc.property(
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.base64String({ minLength: 4, maxLength: 60 }),
        (tenantId, debtorId, at, mac) => {
          const written = { tenantId, debtorId, expiresAt: at.toISOString() };
          expect(decodePortalLink(encodePortalLink(written, mac))).toEqual({ claims: written, mac });
        },
      ),
    );
  });

  it('last thirty days', () => {
    expect(portalLinkExpiry(now)).toBe('2027-03-31T09:00:00.000Z');
  });

  it('admit their own debtor until they expire, and nothing else', async () => {
    const user = { tenantId: claims.tenantId, debtorId: claims.debtorId };
    const admits = (answer: string, at = now, who = user) =>
      portalLinkAdmits({ clock: { now: () => at }, linkSigner: signer }, answer, who);
    expect(await admits(await link())).toBe(true);
    expect(await admits(await link(), new Date('2027-03-31T09:00:00Z'))).toBe(false);
    expect(await admits(await link(), now, { ...user, debtorId: 'dbt_other' })).toBe(false);
    expect(await admits(await link(), now, { ...user, tenantId: 'globex' })).toBe(false);
    // Claims changed after signing: the MAC no longer covers them.
    const genuine = decodePortalLink(await link())!;
    const longer = encodePortalLink(
      { ...genuine.claims, expiresAt: '2099-01-01T00:00:00.000Z' },
      genuine.mac,
    );
    expect(await admits(longer)).toBe(false);
    // Signed with another key.
    const stranger = new LocalLinkSigner();
    const foreign = encodePortalLink(claims, await stranger.sign(portalLinkMessage(claims)));
    expect(await admits(foreign)).toBe(false);
    expect(await admits('not a link')).toBe(false);
    expect(await admits('')).toBe(false);
  });

  it('name a portal user the pool can hold (an address that reaches nobody)', () => {
    expect(portalUsername('Acme', 'dbt_01MG052TPZ')).toBe('dbt_01mg052tpz.acme@portal.invalid');
  });
});

describe('the custom challenge', () => {
  it('asks once, admits only a right first answer, and never a password step', () => {
    expect(nextChallenge([])).toEqual({
      issueTokens: false,
      failAuthentication: false,
      challengeName: 'CUSTOM_CHALLENGE',
    });
    expect(nextChallenge([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: true }])).toEqual({
      issueTokens: true,
      failAuthentication: false,
    });
    expect(nextChallenge([{ challengeName: 'CUSTOM_CHALLENGE', challengeResult: false }])).toMatchObject({
      failAuthentication: true,
    });
    expect(nextChallenge([{ challengeName: 'PASSWORD_VERIFIER', challengeResult: true }])).toMatchObject({
      failAuthentication: true,
    });
    expect(
      nextChallenge([
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: false },
        { challengeName: 'CUSTOM_CHALLENGE', challengeResult: true },
      ]),
    ).toMatchObject({ failAuthentication: true });
  });
});
