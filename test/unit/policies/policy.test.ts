import fc from 'fast-check';
import type { Actor } from '../../../shared/domain/actor';
import { ValidationError } from '../../../shared/domain/errors';
import { BUILTIN_DEFAULT_POLICY } from '../../../shared/domain/policies/default-cadence';
import {
  MAX_STEPS,
  POLICY_ACTIONS,
  newPolicy,
  policyProblems,
  revisePolicy,
  type PolicyDraft,
  type PolicyStep,
} from '../../../shared/domain/policies/policy';

const alice: Actor = { sub: 'alice', tenantId: 'acme', roles: ['manager'] };
const bob: Actor = { sub: 'bob', tenantId: 'acme', roles: ['admin'] };
const NOW = new Date('2026-03-01T09:00:00Z');

const draft = (overrides: Partial<PolicyDraft> = {}): PolicyDraft => ({
  name: 'Small business',
  steps: [
    { offsetDays: 5, action: 'email' },
    { offsetDays: 20, action: 'handoff' },
  ],
  ...overrides,
});

const pathsOf = (value: PolicyDraft) => policyProblems(value).map((problem) => problem.path);

describe('the built-in default cadence (domain rules §8)', () => {
  it('is, exactly: -7 email; 0 email; +3 email; +10 SMS and email; +15 call; +25 final notice; +35 manager call; +45 hand-off', () => {
    expect(BUILTIN_DEFAULT_POLICY.id).toBe('builtin-default');
    expect(BUILTIN_DEFAULT_POLICY.appliesTo).toBeUndefined();
    expect(BUILTIN_DEFAULT_POLICY.steps).toEqual([
      { offsetDays: -7, action: 'email' },
      { offsetDays: 0, action: 'email' },
      { offsetDays: 3, action: 'email' },
      { offsetDays: 10, action: 'sms' },
      { offsetDays: 10, action: 'email' },
      { offsetDays: 15, action: 'call_task', assignee: 'collector' },
      { offsetDays: 25, action: 'final_notice', channels: ['email', 'letter'] },
      { offsetDays: 35, action: 'call_task', assignee: 'manager' },
      { offsetDays: 45, action: 'handoff', handoffTo: 'agency' },
    ]);
    expect(BUILTIN_DEFAULT_POLICY.sendHour).toBe(10);
  });

  it('passes its own rules and cannot be changed in place', () => {
    expect(policyProblems(BUILTIN_DEFAULT_POLICY)).toEqual([]);
    expect(() => {
      (BUILTIN_DEFAULT_POLICY.steps as PolicyStep[]).push({ offsetDays: 50, action: 'email' });
    }).toThrow(TypeError);
    expect(() => {
      (BUILTIN_DEFAULT_POLICY.steps[6]!.channels as string[]).push('sms');
    }).toThrow(TypeError);
  });
});

describe('newPolicy', () => {
  it('sorts steps by offset keeping the declared order on a tie, and writes the defaults in', () => {
    const policy = newPolicy(
      'pol_1',
      'acme',
      {
        name: '  Retail  ',
        steps: [
          { offsetDays: 30, action: 'handoff' },
          { offsetDays: 10, action: 'email', template: 'second' },
          { offsetDays: 10, action: 'sms' },
          { offsetDays: 20, action: 'final_notice' },
          { offsetDays: -3, action: 'email', template: 'first' },
          { offsetDays: 15, action: 'call_task' },
        ],
      },
      alice,
      NOW,
    );
    expect(policy).toEqual({
      id: 'pol_1',
      tenantId: 'acme',
      name: 'Retail',
      steps: [
        { offsetDays: -3, action: 'email', template: 'first' },
        { offsetDays: 10, action: 'email', template: 'second' },
        { offsetDays: 10, action: 'sms' },
        { offsetDays: 15, action: 'call_task', assignee: 'collector' },
        { offsetDays: 20, action: 'final_notice', channels: ['email', 'letter'] },
        { offsetDays: 30, action: 'handoff', handoffTo: 'agency' },
      ],
      sendHour: 10,
      version: 1,
      createdAt: '2026-03-01T09:00:00.000Z',
      createdBy: 'alice',
      updatedAt: '2026-03-01T09:00:00.000Z',
      updatedBy: 'alice',
    });
  });

  it('keeps a segment and explicit choices as given', () => {
    const policy = newPolicy(
      'pol_2',
      'acme',
      draft({
        appliesTo: {
          kind: 'business',
          sizes: ['micro', 'small'],
          balanceBand: { currency: 'EUR', max: 500_00 },
        },
        steps: [
          { offsetDays: 1, action: 'final_notice', channels: ['sms'] },
          { offsetDays: 2, action: 'call_task', assignee: 'manager' },
          { offsetDays: 3, action: 'handoff', handoffTo: 'legal' },
        ],
        sendHour: 8,
      }),
      alice,
      NOW,
    );
    expect(policy.appliesTo).toEqual({
      kind: 'business',
      sizes: ['micro', 'small'],
      balanceBand: { currency: 'EUR', max: 500_00 },
    });
    expect(policy.steps.map((step) => [step.channels, step.assignee, step.handoffTo])).toEqual([
      [['sms'], undefined, undefined],
      [undefined, 'manager', undefined],
      [undefined, undefined, 'legal'],
    ]);
    expect(policy.sendHour).toBe(8);
  });

  it.each<[string, PolicyDraft, string[]]>([
    ['no steps', draft({ steps: [] }), ['steps']],
    [
      `more than ${MAX_STEPS} steps`,
      draft({ steps: Array.from({ length: 51 }, (_, i) => ({ offsetDays: i, action: 'email' as const })) }),
      ['steps'],
    ],
    [
      'the same action twice on one day',
      draft({
        steps: [
          { offsetDays: 3, action: 'email' },
          { offsetDays: 3, action: 'sms' },
          { offsetDays: 3, action: 'email', template: 'other' },
        ],
      }),
      ['steps.2'],
    ],
    [
      'a step after the hand-off',
      draft({
        steps: [
          { offsetDays: 40, action: 'email' },
          { offsetDays: 30, action: 'handoff' },
        ],
      }),
      ['steps.0'],
    ],
    [
      'a step declared after the hand-off on its day',
      draft({
        steps: [
          { offsetDays: 30, action: 'handoff' },
          { offsetDays: 30, action: 'email' },
        ],
      }),
      ['steps.1'],
    ],
    [
      'two hand-offs',
      draft({
        steps: [
          { offsetDays: 30, action: 'handoff' },
          { offsetDays: 31, action: 'handoff', handoffTo: 'legal' },
        ],
      }),
      ['steps.1'],
    ],
    ['a fractional offset', draft({ steps: [{ offsetDays: 1.5, action: 'email' }] }), ['steps.0.offsetDays']],
    [
      'an offset beyond ten years',
      draft({ steps: [{ offsetDays: 3651, action: 'email' }] }),
      ['steps.0.offsetDays'],
    ],
    [
      'an offset over a year early',
      draft({ steps: [{ offsetDays: -366, action: 'email' }] }),
      ['steps.0.offsetDays'],
    ],
    ['an unknown action', draft({ steps: [{ offsetDays: 1, action: 'fax' as never }] }), ['steps.0.action']],
    [
      'channels on a plain email',
      draft({ steps: [{ offsetDays: 1, action: 'email', channels: ['email'] }] }),
      ['steps.0.channels'],
    ],
    [
      'an assignee on a hand-off',
      draft({ steps: [{ offsetDays: 1, action: 'handoff', assignee: 'manager' }] }),
      ['steps.0.assignee'],
    ],
    [
      'a repeated notice channel',
      draft({ steps: [{ offsetDays: 1, action: 'final_notice', channels: ['letter', 'letter'] }] }),
      ['steps.0.channels'],
    ],
    ['an empty segment', draft({ appliesTo: {} }), ['appliesTo']],
    ['an empty industry list', draft({ appliesTo: { industryCodes: [] } }), ['appliesTo.industryCodes']],
    [
      'a balance band upside down',
      draft({ appliesTo: { balanceBand: { currency: 'EUR', min: 100, max: 99 } } }),
      ['appliesTo.balanceBand'],
    ],
    [
      'a risk band out of range',
      draft({ appliesTo: { riskScore: { min: -1, max: 101 } } }),
      ['appliesTo.riskScore.min', 'appliesTo.riskScore.max'],
    ],
    ['a risk band without bounds', draft({ appliesTo: { riskScore: {} } }), ['appliesTo.riskScore']],
    ['a send hour at night', draft({ sendHour: 22 }), ['sendHour']],
    ['a blank name', draft({ name: '   ' }), ['name']],
  ])('refuses %s, naming the field', (_case, value, paths) => {
    expect(pathsOf(value)).toEqual(paths);
    expect(() => newPolicy('pol_x', 'acme', value, alice, NOW)).toThrow(ValidationError);
  });
});

describe('revisePolicy', () => {
  it('makes the next version with the new content, keeping identity and creation', () => {
    const first = newPolicy(
      'pol_1',
      'acme',
      draft({ appliesTo: { kind: 'person' }, sendHour: 9 }),
      alice,
      NOW,
    );
    const later = new Date('2026-04-01T12:00:00Z');
    const second = revisePolicy(
      first,
      draft({ name: 'Renamed', steps: [{ offsetDays: 2, action: 'sms' }] }),
      bob,
      later,
    );
    expect(second).toEqual({
      id: 'pol_1',
      tenantId: 'acme',
      name: 'Renamed',
      steps: [{ offsetDays: 2, action: 'sms' }],
      sendHour: 10,
      version: 2,
      createdAt: first.createdAt,
      createdBy: 'alice',
      updatedAt: '2026-04-01T12:00:00.000Z',
      updatedBy: 'bob',
    });
    expect(second).not.toHaveProperty('appliesTo');
    expect(first.version).toBe(1);
  });
});

const stepArbitrary = fc.record({
  offsetDays: fc.integer({ min: -365, max: 3650 }),
  action: fc.constantFrom(...POLICY_ACTIONS.filter((action) => action !== 'handoff')),
});

describe('properties', () => {
  it('a valid draft becomes steps sorted by offset, declared order kept on ties, hand-off last', () => {
    fc.assert(
      fc.property(
        fc.uniqueArray(stepArbitrary, {
          minLength: 1,
          maxLength: 40,
          selector: (step) => `${step.offsetDays}#${step.action}`,
        }),
        fc.option(fc.integer({ min: 0, max: 3650 }), { nil: undefined }),
        (declared, handoffAfter) => {
          const last = Math.max(...declared.map((step) => step.offsetDays));
          const steps: PolicyStep[] = declared.map((step, index) => ({ ...step, template: `t${index}` }));
          if (handoffAfter !== undefined)
            steps.push({ offsetDays: Math.min(3650, last + handoffAfter), action: 'handoff' });
          const policy = newPolicy('pol_p', 'acme', { name: 'P', steps }, alice, NOW);

          expect(policy.steps).toHaveLength(steps.length);
          for (let i = 1; i < policy.steps.length; i += 1) {
            const [previous, current] = [policy.steps[i - 1]!, policy.steps[i]!];
            expect(previous.offsetDays).toBeLessThanOrEqual(current.offsetDays);
            if (previous.offsetDays === current.offsetDays && current.template && previous.template) {
              expect(Number(previous.template.slice(1))).toBeLessThan(Number(current.template.slice(1)));
            }
          }
          if (handoffAfter !== undefined) expect(policy.steps.at(-1)!.action).toBe('handoff');
          expect(policyProblems(policy)).toEqual([]);
        },
      ),
    );
  });
});
