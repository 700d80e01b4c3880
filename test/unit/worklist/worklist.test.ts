import * as fc from 'fast-check';
import type { Collector } from '../../../shared/domain/settings/tenant-settings';
import {
  KIND_WEIGHTS,
  buildWorklist,
  priorityOf,
  type WorklistCandidate,
  type WorklistKind,
} from '../../../shared/domain/worklist/worklist';

const candidate = (overrides: Partial<WorklistCandidate> = {}): WorklistCandidate => ({
  sourceId: 'src-1',
  kind: 'call',
  debtorId: 'd1',
  debtorName: 'Debtor 1',
  reason: 'Call',
  dueAt: '2027-03-15T13:00:00.000Z',
  riskScore: 50,
  overdue: { currency: 'EUR', amount: 1_000_000 },
  amountWeightBasis: 10_000,
  amountConverted: false,
  daysPastDue: 30,
  ...overrides,
});

const team: Collector[] = [
  { id: 'ann', name: 'Ann', email: 'ann@x.example', dailyCapacity: 2 },
  { id: 'bob', name: 'Bob', email: 'bob@x.example', dailyCapacity: 1 },
  { id: 'cy', name: 'Cy', email: 'cy@x.example', dailyCapacity: 1, role: 'manager' },
];

describe('worklist priority', () => {
  it('is risk × amount × age × kind, as documented', () => {
    // (1 + 50/100) × log10(10 + 10,000) × (1 + 30/30) × 1.5 = 1.5 × 4.000434 × 2 × 1.5
    expect(priorityOf(candidate({ kind: 'broken_promise' }))).toBe(18.002);
    expect(priorityOf(candidate({ riskScore: undefined, amountWeightBasis: 0, daysPastDue: 0 }))).toBe(1);
    expect(KIND_WEIGHTS.case_failure).toBeGreaterThan(KIND_WEIGHTS.broken_promise);
  });

  it('never falls when risk, amount or age grow', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 0, max: 10_000_000 }),
        fc.integer({ min: 0, max: 2_000 }),
        fc.constantFrom<WorklistKind>(...(Object.keys(KIND_WEIGHTS) as WorklistKind[])),
        (risk, amount, age, kind) => {
          const base = candidate({ riskScore: risk, amountWeightBasis: amount, daysPastDue: age, kind });
          expect(priorityOf({ ...base, riskScore: risk + 1 })).toBeGreaterThanOrEqual(priorityOf(base));
          expect(priorityOf({ ...base, amountWeightBasis: amount * 2 + 1 })).toBeGreaterThanOrEqual(
            priorityOf(base),
          );
          expect(priorityOf({ ...base, daysPastDue: age + 1 })).toBeGreaterThanOrEqual(priorityOf(base));
        },
      ),
    );
  });
});

describe('worklist balancing', () => {
  it('gives the debtor’s collector their accounts while they have room, then the one with most room', () => {
    const list = buildWorklist(
      [
        candidate({ sourceId: 'a', debtorId: 'd1', collectorId: 'ann', daysPastDue: 90 }),
        candidate({ sourceId: 'b', debtorId: 'd2', collectorId: 'ann', daysPastDue: 60 }),
        candidate({ sourceId: 'c', debtorId: 'd3', collectorId: 'ann', daysPastDue: 30 }),
        candidate({ sourceId: 'd', debtorId: 'd4', daysPastDue: 10 }),
        candidate({ sourceId: 'e', debtorId: 'd5', kind: 'escalation', daysPastDue: 5 }),
        candidate({ sourceId: 'f', debtorId: 'd6', daysPastDue: 1 }),
      ],
      team,
    );
    expect(list.map((entry) => [entry.rank, entry.sourceId, entry.assignedTo, entry.overflow])).toEqual([
      [1, 'a', 'ann', false],
      [2, 'b', 'ann', false],
      [3, 'c', 'bob', false],
      [4, 'd', null, true],
      [5, 'e', 'cy', false],
      [6, 'f', null, true],
    ]);
  });

  it('keeps a debtor’s items with one collector and breaks ties by due time', () => {
    const list = buildWorklist(
      [
        candidate({ sourceId: 'x2', debtorId: 'd1', dueAt: '2027-03-15T15:00:00.000Z' }),
        candidate({ sourceId: 'x1', debtorId: 'd1', dueAt: '2027-03-15T14:00:00.000Z' }),
      ],
      [
        { id: 'ann', name: 'Ann', email: 'ann@x.example', dailyCapacity: 2 },
        { id: 'zed', name: 'Zed', email: 'zed@x.example', dailyCapacity: 5 },
      ],
    );
    // Zed has the most room for the first item; the second follows it to Zed.
    expect(list.map((entry) => [entry.sourceId, entry.assignedTo])).toEqual([
      ['x1', 'zed'],
      ['x2', 'zed'],
    ]);
  });

  it('ranks by priority, never gives anyone more than their capacity and assigns all it can', () => {
    const arbitraryCandidate = fc.record({
      sourceId: fc.uuid(),
      kind: fc.constantFrom<WorklistKind>(...(Object.keys(KIND_WEIGHTS) as WorklistKind[])),
      debtorId: fc.constantFrom('d1', 'd2', 'd3', 'd4', 'd5', 'd6'),
      collectorId: fc.option(fc.constantFrom('ann', 'bob', 'gone'), { nil: undefined }),
      riskScore: fc.integer({ min: 0, max: 100 }),
      amountWeightBasis: fc.integer({ min: 0, max: 1_000_000 }),
      daysPastDue: fc.integer({ min: 0, max: 400 }),
    });
    fc.assert(
      fc.property(fc.array(arbitraryCandidate, { maxLength: 30 }), (drawn) => {
        const list = buildWorklist(
          drawn.map((entry) => candidate(entry)),
          team,
        );
        expect(list.map((entry) => entry.rank)).toEqual(drawn.map((_, index) => index + 1));
        for (let index = 1; index < list.length; index += 1) {
          expect(list[index - 1]!.priority).toBeGreaterThanOrEqual(list[index]!.priority);
        }
        for (const member of team) {
          const taken = list.filter((entry) => entry.assignedTo === member.id).length;
          expect(taken).toBeLessThanOrEqual(member.dailyCapacity);
        }
        // Overflow only when nobody of the right role had room left.
        const managerKinds = new Set(['escalation', 'handoff', 'case_failure']);
        const collectorRoom =
          list.filter((entry) => ['ann', 'bob'].includes(entry.assignedTo ?? '')).length < 3;
        const managerRoom = list.filter((entry) => entry.assignedTo === 'cy').length < 1;
        for (const entry of list.filter((item) => item.overflow)) {
          expect(managerKinds.has(entry.kind) ? managerRoom : collectorRoom).toBe(false);
        }
      }),
    );
  });
});
