import fc from 'fast-check';
import {
  afterDeliveryEvent,
  claimed,
  CLAIM_HOLDS_MS,
  DELIVERY_STATUSES,
  released,
  sendDecision,
  type DeliveryEventKind,
  type DeliveryState,
} from '../../../shared/domain/messaging/delivery';
import { inboundKeyword } from '../../../shared/domain/messaging/text-keywords';
import { fallbackChannels, refusedForGood } from '../../../shared/domain/cases/channel-fallback';

const at = (iso: string) => new Date(iso);

describe('sending a message once', () => {
  it('sends what is queued or dispatched, never what the provider took', () => {
    const now = at('2027-01-01T10:00:00Z');
    expect(sendDecision({ status: 'queued' }, now)).toEqual({ kind: 'send' });
    expect(sendDecision({ status: 'dispatched' }, now)).toEqual({ kind: 'send' });
    for (const status of ['sent', 'delivered', 'bounced', 'complained', 'failed'] as const) {
      expect(sendDecision({ status }, now)).toEqual({ kind: 'done' });
    }
  });

  it('leaves a claimed message to its sender until the claim lapses, then takes it over', () => {
    const claim = claimed({ status: 'dispatched' }, at('2027-01-01T10:00:00Z'));
    expect(claim).toMatchObject({ status: 'sending', attempts: 1, deliveryRevision: 1 });
    expect(sendDecision(claim, at('2027-01-01T10:04:59Z'))).toEqual({
      kind: 'wait',
      until: new Date(Date.parse('2027-01-01T10:00:00Z') + CLAIM_HOLDS_MS),
    });
    expect(sendDecision(claim, at('2027-01-01T10:05:00Z'))).toEqual({ kind: 'send' });
    expect(claimed(claim, at('2027-01-01T10:05:00Z'))).toMatchObject({ attempts: 2, deliveryRevision: 2 });
  });

  it('gives a refused claim back', () => {
    const claim = claimed({ status: 'dispatched' }, at('2027-01-01T10:00:00Z'));
    const back = released(claim);
    expect(back.status).toBe('dispatched');
    expect(back.claimedAt).toBeUndefined();
    expect(sendDecision(back, at('2027-01-01T10:00:01Z'))).toEqual({ kind: 'send' });
  });
});

describe('provider reports', () => {
  const kinds: DeliveryEventKind[] = ['sent', 'delivered', 'bounced', 'complained', 'failed'];
  const rank = (status: string) =>
    ({ queued: 0, dispatched: 1, sending: 2, sent: 3, delivered: 4, bounced: 5, complained: 5, failed: 5 })[
      status
    ]!;

  it('never move a message back, whatever order they arrive in, and keep the first outcome of a kind', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...DELIVERY_STATUSES),
        fc.array(fc.constantFrom(...kinds), { maxLength: 8 }),
        (start, events) => {
          let state: DeliveryState = { status: start };
          for (const [index, kind] of events.entries()) {
            const before = state;
            const next = afterDeliveryEvent(state, { kind, at: new Date(1_000 * (index + 1)) });
            if (next) {
              expect(rank(next.status)).toBeGreaterThan(rank(before.status));
              expect(next.deliveryRevision).toBe((before.deliveryRevision ?? 0) + 1);
              state = next;
            }
          }
          const highest = Math.max(rank(start), ...events.map(rank));
          expect(rank(state.status)).toBe(highest);
        },
      ),
    );
  });

  it('record when it was sent and delivered, the provider id and why it failed', () => {
    const sent = afterDeliveryEvent(
      { status: 'sending' },
      { kind: 'sent', at: at('2027-01-01T10:00:00Z'), providerMessageId: 'ses-1' },
    )!;
    expect(sent).toMatchObject({
      status: 'sent',
      sentAt: '2027-01-01T10:00:00.000Z',
      providerMessageId: 'ses-1',
    });
    const bounced = afterDeliveryEvent(sent, {
      kind: 'bounced',
      at: at('2027-01-01T10:00:05Z'),
      detail: 'Bounce Permanent/General',
    })!;
    expect(bounced).toMatchObject({
      status: 'bounced',
      sentAt: '2027-01-01T10:00:00.000Z',
      failure: 'Bounce Permanent/General',
    });
    expect(
      afterDeliveryEvent(bounced, { kind: 'delivered', at: at('2027-01-01T10:01:00Z') }),
    ).toBeUndefined();
    // A complaint comes after the delivery.
    const delivered = afterDeliveryEvent(sent, { kind: 'delivered', at: at('2027-01-01T10:00:03Z') })!;
    expect(
      afterDeliveryEvent(delivered, { kind: 'complained', at: at('2027-01-02T08:00:00Z') })?.status,
    ).toBe('complained');
  });
});

describe('text replies', () => {
  it.each([
    ['STOP', 'stop'],
    [' stop ', 'stop'],
    ['Stop.', 'stop'],
    ['UNSUBSCRIBE', 'stop'],
    ['stop all', 'stop'],
    ['START', 'start'],
    ['unstop', 'start'],
    ['HELP', 'help'],
    ['Please stop calling my mother', 'other'],
    ['I paid yesterday', 'other'],
  ])('%j is %s', (body, keyword) => {
    expect(inboundKeyword(body)).toBe(keyword);
  });
});

describe('channel fallback', () => {
  it('falls back only when every channel of the step is refused for good, email, then text, then letter', () => {
    expect(refusedForGood(['opted_out'])).toBe(true);
    expect(refusedForGood(['undeliverable', 'no_consent'])).toBe(true);
    expect(refusedForGood(['outside_contact_hours'])).toBe(false);
    expect(refusedForGood(['opted_out', 'contact_cap_reached'])).toBe(false);
    expect(fallbackChannels(['email'], [{ channel: 'email', reasons: ['undeliverable'] }])).toEqual([
      'sms',
      'letter',
    ]);
    expect(fallbackChannels(['sms'], [{ channel: 'sms', reasons: ['opted_out'] }])).toEqual([
      'email',
      'letter',
    ]);
    // The letter of a final notice still went: nothing to make up for.
    expect(fallbackChannels(['email', 'letter'], [{ channel: 'email', reasons: ['opted_out'] }])).toEqual([]);
    // Contact hours: deferred, not diverted.
    expect(fallbackChannels(['email'], [{ channel: 'email', reasons: ['outside_contact_hours'] }])).toEqual(
      [],
    );
  });
});
