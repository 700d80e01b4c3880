/**
 * Collection policies (cadences): what happens on which day relative to an invoice's due date.
 * A policy is versioned: a change makes a new version and a running case keeps the version it
 * started with, so every version is complete on its own (defaults are written into it).
 */
import type { Actor } from '../actor';
import type { DebtorKind, DebtorSegment } from '../debtors/debtor';
import { ValidationError, type FieldIssue } from '../errors';
import type { CurrencyCode } from '../money/currencies';

/**
 * `voice`: an automated call that reads the reminder out (text-to-speech). The gate treats it as
 * the telephone call it is — call hours and call caps apply.
 */
export const POLICY_ACTIONS = [
  'email',
  'sms',
  'letter',
  'voice',
  'call_task',
  'final_notice',
  'handoff',
] as const;
export type PolicyAction = (typeof POLICY_ACTIONS)[number];

export const NOTICE_CHANNELS = ['email', 'sms', 'letter'] as const;
export type NoticeChannel = (typeof NOTICE_CHANNELS)[number];

export const DEBTOR_SIZES = ['micro', 'small', 'medium', 'large', 'enterprise'] as const;
export type DebtorSize = NonNullable<DebtorSegment['size']>;

export const MIN_OFFSET_DAYS = -365;
export const MAX_OFFSET_DAYS = 3650;
export const MAX_STEPS = 50;
export const MIN_SEND_HOUR = 6;
export const MAX_SEND_HOUR = 20;
export const DEFAULT_SEND_HOUR = 10;
export const DEFAULT_NOTICE_CHANNELS: readonly NoticeChannel[] = ['email', 'letter'];

export interface PolicyStep {
  /** Days relative to the due date; negative = before it. */
  offsetDays: number;
  action: PolicyAction;
  template?: string;
  /** final_notice only: the channels the notice goes out on. */
  channels?: NoticeChannel[];
  /** call_task only: who the task is for. */
  assignee?: 'collector' | 'manager';
  /** handoff only: where the case goes. */
  handoffTo?: 'agency' | 'legal';
}

/** Which debtors a policy is for; every dimension given must match. */
export interface PolicySegment {
  kind?: DebtorKind;
  industryCodes?: string[];
  sizes?: DebtorSize[];
  /** Outstanding in one currency, minor units, bounds inclusive. */
  balanceBand?: { currency: CurrencyCode; min?: number; max?: number };
  riskScore?: { min?: number; max?: number };
}

export interface Policy {
  id: string;
  tenantId: string;
  name: string;
  /** Absent: the tenant's default policy. */
  appliesTo?: PolicySegment;
  /** Sorted by offset, then in the order declared. */
  steps: PolicyStep[];
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  /** Who made this version. */
  updatedBy?: string;
  /** Local hour (debtor's time zone) the reminders are planned at. */
  sendHour?: number;
}

export type PolicyDraft = Pick<Policy, 'name' | 'appliesTo' | 'steps' | 'sendHour'>;

export function policySendHour(policy: Pick<Policy, 'sendHour'>): number {
  return policy.sendHour ?? DEFAULT_SEND_HOUR;
}

/** The dimensions an `appliesTo` constrains; their count is its specificity. */
export function constrainedDimensions(segment: PolicySegment | undefined): (keyof PolicySegment)[] {
  if (!segment) return [];
  return (['kind', 'industryCodes', 'sizes', 'balanceBand', 'riskScore'] as const).filter(
    (dimension) => segment[dimension] !== undefined,
  );
}

/** Every rule a policy draft breaks, with the path of the field as the client sent it. */
export function policyProblems(draft: PolicyDraft): FieldIssue[] {
  const problems: FieldIssue[] = [];
  if (typeof draft.name !== 'string' || draft.name.trim() === '')
    problems.push({ path: 'name', message: 'must not be empty' });
  if (
    draft.sendHour !== undefined &&
    (!Number.isInteger(draft.sendHour) || draft.sendHour < MIN_SEND_HOUR || draft.sendHour > MAX_SEND_HOUR)
  ) {
    problems.push({
      path: 'sendHour',
      message: `must be an integer hour from ${MIN_SEND_HOUR} to ${MAX_SEND_HOUR}`,
    });
  }
  problems.push(...segmentProblems(draft.appliesTo));
  problems.push(...stepsProblems(draft.steps));
  return problems;
}

function segmentProblems(segment: PolicySegment | undefined): FieldIssue[] {
  if (segment === undefined) return [];
  const problems: FieldIssue[] = [];
  if (constrainedDimensions(segment).length === 0) {
    // An empty segment would silently act as a second default; omitting it says so plainly.
    problems.push({ path: 'appliesTo', message: 'must constrain something; omit it for a default policy' });
  }
  for (const list of ['industryCodes', 'sizes'] as const) {
    const values = segment[list];
    if (values === undefined) continue;
    if (values.length === 0) problems.push({ path: `appliesTo.${list}`, message: 'must not be empty' });
    if (new Set(values).size !== values.length)
      problems.push({ path: `appliesTo.${list}`, message: 'must not repeat a value' });
  }
  const sizes = segment.sizes ?? [];
  if (sizes.some((size) => !(DEBTOR_SIZES as readonly string[]).includes(size)))
    problems.push({ path: 'appliesTo.sizes', message: `must be among ${DEBTOR_SIZES.join(', ')}` });
  const band = segment.balanceBand;
  if (band) {
    for (const bound of ['min', 'max'] as const) {
      const value = band[bound];
      if (value !== undefined && (!Number.isSafeInteger(value) || value < 0))
        problems.push({
          path: `appliesTo.balanceBand.${bound}`,
          message: 'must be an integer of minor units',
        });
    }
    if (band.min !== undefined && band.max !== undefined && band.min > band.max)
      problems.push({ path: 'appliesTo.balanceBand', message: 'min must not exceed max' });
  }
  const risk = segment.riskScore;
  if (risk) {
    for (const bound of ['min', 'max'] as const) {
      const value = risk[bound];
      if (value !== undefined && (!Number.isInteger(value) || value < 0 || value > 100))
        problems.push({ path: `appliesTo.riskScore.${bound}`, message: 'must be an integer from 0 to 100' });
    }
    if (risk.min === undefined && risk.max === undefined)
      problems.push({ path: 'appliesTo.riskScore', message: 'must give min, max or both' });
    if (risk.min !== undefined && risk.max !== undefined && risk.min > risk.max)
      problems.push({ path: 'appliesTo.riskScore', message: 'min must not exceed max' });
  }
  return problems;
}

const ONLY_FOR: Record<'channels' | 'assignee' | 'handoffTo', PolicyAction> = {
  channels: 'final_notice',
  assignee: 'call_task',
  handoffTo: 'handoff',
};

function stepsProblems(steps: readonly PolicyStep[]): FieldIssue[] {
  if (!Array.isArray(steps) || steps.length === 0)
    return [{ path: 'steps', message: 'must have at least one step' }];
  if (steps.length > MAX_STEPS) return [{ path: 'steps', message: `must have at most ${MAX_STEPS} steps` }];
  const problems: FieldIssue[] = [];
  const seen = new Map<string, number>();
  steps.forEach((step, index) => {
    const at = `steps.${index}`;
    if (
      !Number.isInteger(step.offsetDays) ||
      step.offsetDays < MIN_OFFSET_DAYS ||
      step.offsetDays > MAX_OFFSET_DAYS
    ) {
      problems.push({
        path: `${at}.offsetDays`,
        message: `must be an integer from ${MIN_OFFSET_DAYS} to ${MAX_OFFSET_DAYS}`,
      });
    }
    if (!(POLICY_ACTIONS as readonly string[]).includes(step.action)) {
      problems.push({ path: `${at}.action`, message: `must be one of ${POLICY_ACTIONS.join(', ')}` });
      return;
    }
    for (const [field, action] of Object.entries(ONLY_FOR) as [keyof typeof ONLY_FOR, PolicyAction][]) {
      if (step[field] !== undefined && step.action !== action)
        problems.push({ path: `${at}.${field}`, message: `applies only to ${action} steps` });
    }
    if (step.channels !== undefined) {
      if (step.channels.length === 0) problems.push({ path: `${at}.channels`, message: 'must not be empty' });
      if (new Set(step.channels).size !== step.channels.length)
        problems.push({ path: `${at}.channels`, message: 'must not repeat a channel' });
    }
    const key = `${step.offsetDays}#${step.action}`;
    const first = seen.get(key);
    if (first !== undefined) {
      problems.push({
        path: `${at}`,
        message: `repeats the ${step.action} on day ${step.offsetDays} of steps.${first}`,
      });
    } else seen.set(key, index);
  });
  if (problems.length > 0) return problems;
  // Hand-off ends the case: in the order the steps run, nothing may follow it.
  const ordered = orderSteps(steps.map((step, index) => ({ step, index })));
  const handoff = ordered.findIndex(({ step }) => step.action === 'handoff');
  if (handoff !== -1 && handoff < ordered.length - 1) {
    const after = ordered[handoff + 1]!;
    problems.push({
      path: `steps.${after.index}`,
      message: `comes after the handoff of steps.${ordered[handoff]!.index}, which ends the case`,
    });
  }
  return problems;
}

/** By offset, then in declared order (Array.prototype.sort is stable). */
function orderSteps<T extends { step: PolicyStep }>(steps: T[]): T[] {
  return [...steps].sort((a, b) => a.step.offsetDays - b.step.offsetDays);
}

export function validatePolicy(draft: PolicyDraft): void {
  const problems = policyProblems(draft);
  if (problems.length > 0) throw new ValidationError(problems);
}

/** A step as stored: the action's defaults written in, nothing undefined. */
function completeStep(step: PolicyStep): PolicyStep {
  const base: PolicyStep = { offsetDays: step.offsetDays, action: step.action };
  if (step.template !== undefined) base.template = step.template;
  switch (step.action) {
    case 'final_notice':
      return { ...base, channels: [...(step.channels ?? DEFAULT_NOTICE_CHANNELS)] };
    case 'call_task':
      return { ...base, assignee: step.assignee ?? 'collector' };
    case 'handoff':
      return { ...base, handoffTo: step.handoffTo ?? 'agency' };
    default:
      return base;
  }
}

function completeSegment(segment: PolicySegment): PolicySegment {
  return Object.fromEntries(
    Object.entries(segment).filter(([, value]) => value !== undefined),
  ) as PolicySegment;
}

/** The validated, normalized content of a version: trimmed name, sorted steps, defaults written. */
function content(draft: PolicyDraft): PolicyDraft {
  validatePolicy(draft);
  return {
    name: draft.name.trim(),
    ...(draft.appliesTo ? { appliesTo: completeSegment(draft.appliesTo) } : {}),
    steps: orderSteps(draft.steps.map((step) => ({ step }))).map(({ step }) => completeStep(step)),
    sendHour: draft.sendHour ?? DEFAULT_SEND_HOUR,
  };
}

export function newPolicy(id: string, tenantId: string, draft: PolicyDraft, actor: Actor, now: Date): Policy {
  const at = now.toISOString();
  return {
    id,
    tenantId,
    ...content(draft),
    version: 1,
    createdAt: at,
    createdBy: actor.sub,
    updatedAt: at,
    updatedBy: actor.sub,
  };
}

/** The next version: the draft replaces name, segment, steps and send hour. */
export function revisePolicy(policy: Policy, draft: PolicyDraft, actor: Actor, now: Date): Policy {
  return {
    id: policy.id,
    tenantId: policy.tenantId,
    ...content(draft),
    version: policy.version + 1,
    createdAt: policy.createdAt,
    createdBy: policy.createdBy,
    updatedAt: now.toISOString(),
    updatedBy: actor.sub,
  };
}
