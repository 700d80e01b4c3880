import * as fc from 'fast-check';
import {
  alertTransitions,
  breaches,
  type AlertRule,
  type AlertState,
} from '../../../shared/domain/alerts/alert-rule';

const rule: AlertRule = {
  id: 'alr_1',
  tenantId: 't1',
  name: 'DSO watch',
  metric: 'dso',
  comparison: 'above',
  threshold: 45,
  currency: 'EUR',
  windowDays: 30,
  recipients: [],
  createdAt: '2027-01-01T00:00:00.000Z',
  createdBy: 'u1',
  version: 1,
};

/** Runs a rule over a sequence of nightly values and returns what was told. */
function tell(values: (number | null)[], event = false): string[] {
  let states: AlertState[] = [];
  const told: string[] = [];
  values.forEach((value, night) => {
    const transitions = alertTransitions(
      rule,
      [{ subject: 'book', label: 'the book', value, event }],
      states,
      `n${night}`,
    );
    for (const transition of transitions) told.push(`${transition.kind}@${night}`);
    states = [
      ...states.filter((state) => !transitions.some((t) => t.state.subject === state.subject)),
      ...transitions.map((t) => t.state),
    ];
  });
  return told;
}

describe('threshold alerts', () => {
  it('compare strictly, and an undefined figure never breaches', () => {
    expect(breaches(rule, 45)).toBe(false);
    expect(breaches(rule, 45.01)).toBe(true);
    expect(breaches({ comparison: 'below', threshold: 70 }, 69.99)).toBe(true);
    expect(breaches(rule, null)).toBe(false);
  });

  it('fire when a breach starts, stay quiet while it lasts, and tell its clearing', () => {
    expect(tell([40, 50, 52, 44, 46])).toEqual(['fired@1', 'cleared@3', 'fired@4']);
  });

  it('tell an event once, never cleared', () => {
    expect(tell([50, 50, 10, 50], true)).toEqual(['fired@0']);
  });

  it('clear a firing subject that is no longer observed (paid off, merged away)', () => {
    const firing: AlertState = { ruleId: 'alr_1', subject: 'dbt_1', firing: true, since: 'n0', value: 60 };
    const [transition, ...rest] = alertTransitions(rule, [], [firing], 'n1');
    expect(rest).toEqual([]);
    expect(transition).toMatchObject({
      kind: 'cleared',
      state: { subject: 'dbt_1', firing: false, value: null },
    });
  });

  it('never tells twice in a row the same thing', () => {
    fc.assert(
      fc.property(
        fc.array(fc.option(fc.integer({ min: 0, max: 100 }), { nil: null }), { maxLength: 40 }),
        (values) => {
          const told = tell(values).map((entry) => entry.split('@')[0]);
          for (let index = 1; index < told.length; index += 1) expect(told[index]).not.toBe(told[index - 1]);
          if (told.length > 0) expect(told[0]).toBe('fired');
        },
      ),
    );
  });
});
