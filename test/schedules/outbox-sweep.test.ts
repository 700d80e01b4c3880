/**
 * Nothing is lost when the process dies between the transaction that queues a message and its
 * hand-off to delivery: the quarter-hour tick sweeps what waited more than five minutes.
 */
import { attemptContact } from '../../shared/app/contacts/attempt-contact';
import { sampleDebtor, startTestApi, type TestApi } from '../support/local-api';

let api: TestApi;

beforeAll(async () => {
  api = await startTestApi();
  // Tuesday 2027-02-02 10:02 in Berlin.
  await api.runtime.clock.moveTo(new Date('2027-02-02T09:02:00Z'));
});
afterAll(() => api.stop());

it('hands on a message a crash left queued at the first tick after five minutes, once', async () => {
  const token = await api.token('sweep-co', ['admin']);
  const debtor = await api.request('POST', '/v1/debtors', {
    token,
    body: sampleDebtor({ name: 'Sweep GmbH' }),
  });
  const debtorId = debtor.body.id as string;
  // What a review does before it relays: the gate passes, the message is queued with the contact.
  // The relay never runs here — as if the process had died right after the commit.
  const outcome = await attemptContact(
    api.runtime.services,
    { sub: 'system:workflow', tenantId: 'sweep-co', roles: ['admin'] },
    {
      debtorId,
      channel: 'email',
      description: 'reminder',
      message: {
        id: 'msg_crash_1',
        template: 'builtin-reminder-email-de',
        subject: 'Erinnerung',
        body: 'Bitte zahlen.',
      },
    },
  );
  expect(outcome.allowed).toBe(true);
  const outbox = async () => (await api.request('GET', `/dev/outbox?debtorId=${debtorId}`)).body.items;
  expect(await outbox()).toEqual([]);

  await api.request('POST', '/dev/clock', { body: { now: '2027-02-02T09:06:00Z' } });
  expect(await outbox()).toEqual([]);
  await api.request('POST', '/dev/clock', { body: { now: '2027-02-02T09:30:00Z' } });
  const delivered = await outbox();
  // Queued at 09:02, due for the sweep at 09:07: the 09:15 tick hands it on.
  expect(delivered).toEqual([
    expect.objectContaining({ id: 'msg_crash_1', sentAt: '2027-02-02T09:15:00.000Z' }),
  ]);
  expect(await api.runtime.services.contacts.queuedMessages('sweep-co', debtorId)).toEqual([]);
  await api.request('POST', '/dev/clock', { body: { now: '2027-02-02T12:00:00Z' } });
  expect(await outbox()).toHaveLength(1);
});
