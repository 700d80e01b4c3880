import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestApi, type TestApi } from '../support/local-api';

describe('the local runtime restarts running executions', () => {
  it('a case opened before a restart sends its reminder on time after it', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'recoup-workflow-'));
    let api: TestApi | undefined;
    try {
      api = await startTestApi({ dataDir, tableName: 'recoup' });
      // The invoice below enters its window (-7) tomorrow: the case opens at once.
      await api.runtime.clock.moveTo(new Date('2028-05-07T05:00:00Z'));
      const token = await api.token('restart-co', ['admin']);
      const debtor = await api.request('POST', '/v1/debtors', {
        token,
        body: {
          name: 'Umbrella SA',
          kind: 'business',
          email: 'ap@umbrella.example',
          timezone: 'Europe/Paris',
          jurisdiction: 'FR',
        },
      });
      await api.request('POST', '/v1/invoices', {
        token,
        body: {
          debtorId: debtor.body.id,
          number: 'R-1',
          currency: 'EUR',
          amount: 5_000,
          issueDate: '2028-04-01',
          dueDate: '2028-05-15',
        },
      });
      const before = (await api.request('GET', `/v1/debtors/${debtor.body.id}/case`, { token })).body;
      expect(before.currentState).toBe('WaitForNextStep');
      await api.stop();

      api = await startTestApi({ dataDir, tableName: 'recoup' });
      const token2 = await api.token('restart-co', ['admin']);
      await api.request('POST', '/dev/clock', { body: { now: '2028-05-09T00:00:00Z' } });
      const messages = (await api.request('GET', `/dev/outbox?debtorId=${debtor.body.id}`)).body.items;
      // -7: Monday 2028-05-08, 10:00 Paris (CEST).
      expect(messages.map((message: { sentAt: string }) => message.sentAt)).toEqual([
        '2028-05-08T08:00:00.000Z',
      ]);
      const after = (await api.request('GET', `/v1/debtors/${debtor.body.id}/case`, { token: token2 })).body;
      expect(after).toMatchObject({ id: before.id, executionName: before.executionName, status: 'active' });
    } finally {
      await api?.stop();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });
});
