import { auditEntry } from '../../../shared/domain/audit/audit-entry';
import { webhookBody, webhookEventsOf } from '../../../shared/domain/webhooks/webhook-event';

const actor = { sub: 'u1', tenantId: 'acme', roles: ['accountant'] as const };
const at = new Date('2027-05-03T08:00:00Z');
const entry = (action: string, entityId: string, after: unknown) =>
  auditEntry('aud_01JD7X2M4K8Q9R3S5T6V7W8X9Y', { ...actor, roles: [...actor.roles] }, at, {
    entityType: action.split('.')[0]!,
    entityId,
    action,
    before: null,
    after,
  });

describe('webhook events from audit records', () => {
  it('turns a recorded payment into payment.received with ids and amounts only', () => {
    const [event] = webhookEventsOf([
      entry('payment.recorded', 'pay_1', {
        id: 'pay_1',
        debtorId: 'dbt_1',
        currency: 'KWD',
        amount: 1234,
        receivedAt: '2027-05-02T10:00:00Z',
        reference: 'Mr Smith, 1 High St',
        allocations: [{ invoiceId: 'inv_1', amount: 1234, appliedAt: '2027-05-03T08:00:00Z' }],
        unapplied: 0,
        createdBy: 'u1',
      }),
    ]);
    expect(event).toEqual({
      id: 'evt_01JD7X2M4K8Q9R3S5T6V7W8X9Y',
      type: 'payment.received',
      tenantId: 'acme',
      occurredAt: '2027-05-03T08:00:00.000Z',
      data: {
        paymentId: 'pay_1',
        debtorId: 'dbt_1',
        currency: 'KWD',
        amount: 1234,
        receivedAt: '2027-05-02T10:00:00Z',
        unapplied: 0,
        allocations: [{ invoiceId: 'inv_1', amount: 1234 }],
      },
    });
    expect(webhookBody(event!)).not.toContain('Smith');
  });

  it('names each domain change it hears, and ignores the rest', () => {
    const types = webhookEventsOf([
      entry('promise.broken', 'prm_1', { debtorId: 'd', currency: 'EUR', amount: 5, dueDate: '2027-05-01' }),
      entry('promise.kept', 'prm_2', {}),
      entry('plan.broken', 'pln_1', { invoiceIds: ['inv_1'] }),
      entry('promise.cancelled', 'prm_3', { cancellation: { by: 'u', reason: 'private words' } }),
      entry('plan.cancelled', 'pln_2', { invoiceIds: ['inv_2'], cancellation: { reason: 'private words' } }),
      entry('promise.superseded', 'prm_4', {}),
      entry('dispute.opened', 'dsp_1', { reason: 'private words', invoiceId: 'inv_1' }),
      entry('dispute.rejected', 'dsp_1', {}),
      entry('dispute.upheld', 'dsp_2', { creditAmount: 100 }),
      entry('write_off.created', 'adj_1', { amount: 10, currency: 'JPY', reason: 'bankrupt' }),
      entry('case.escalated', 'cas_1', { workItemId: 'wi_1' }),
      entry('case.handed_off', 'cas_1', {}),
      entry('debtor.created', 'dbt_1', { name: 'Someone' }),
      entry('invoice.payment_applied', 'inv_1', {}),
      entry('case.reviewed', 'cas_1', {}),
    ]);
    expect(types.map((event) => event.type)).toEqual([
      'promise.broken',
      'promise.kept',
      'plan.broken',
      'promise.cancelled',
      'plan.cancelled',
      'dispute.opened',
      'dispute.resolved',
      'dispute.resolved',
      'invoice.written_off',
      'case.escalated',
      'case.handed_off',
    ]);
    expect(types[6]!.data).toMatchObject({ outcome: 'rejected' });
    expect(types[4]!.data).toMatchObject({ planId: 'pln_2', invoiceIds: [{ invoiceId: 'inv_2' }] });
    expect(JSON.stringify(types)).not.toMatch(/private words|bankrupt|Someone/);
  });

  it('writes the body with its fields in a fixed order', () => {
    const [event] = webhookEventsOf([entry('promise.kept', 'prm_1', { amount: 1 })]);
    expect(Object.keys(JSON.parse(webhookBody({ ...event!, data: event!.data })))).toEqual([
      'id',
      'type',
      'tenantId',
      'occurredAt',
      'data',
    ]);
  });
});
