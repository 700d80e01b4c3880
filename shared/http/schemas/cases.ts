import * as z from 'zod/mini';
import { withMeta } from '../../zod';

const caseEvent = z.object({
  at: z.string(),
  kind: z.string(),
  detail: z.string(),
  stepIndex: z.optional(z.int()),
  invoiceId: z.optional(z.string()),
});

export const caseView = withMeta(
  z.object({
    id: z.string(),
    debtorId: z.string(),
    status: z.enum(['active', 'paused', 'closed', 'handed_off']),
    pauseReason: z.optional(z.enum(['dispute', 'cease'])),
    policyId: z.string(),
    policyVersion: z.int(),
    executionName: withMeta(z.string(), { description: 'The Step Functions execution running the case' }),
    currentState: withMeta(z.string(), {
      description: 'ReviewCase, WaitForNextStep, CaseClosed or CaseHandedOff',
    }),
    currentStep: withMeta(
      z.optional(z.object({ index: z.int(), action: z.string(), invoiceId: z.string(), date: z.string() })),
      { description: 'The next step of the cadence' },
    ),
    nextActionAt: z.optional(z.string()),
    anchors: withMeta(z.optional(z.record(z.string(), z.string())), {
      description:
        'Per invoice, the date its cadence counts from (its due date, or the day it was taken up if later)',
    }),
    deferred: withMeta(
      z.optional(
        z.object({
          invoiceId: z.string(),
          stepIndex: z.int(),
          channels: z.array(z.string()),
          notBefore: z.string(),
          reasons: z.array(z.string()),
        }),
      ),
      { description: 'A contact the compliance gate refused, retried at notBefore' },
    ),
    openedAt: z.string(),
    closedAt: z.optional(z.string()),
    closeReason: z.optional(z.enum(['settled', 'handed_off', 'merged'])),
    reviews: z.int(),
    history: z.array(caseEvent),
    version: z.int(),
  }),
  { id: 'CollectionCase' },
);
