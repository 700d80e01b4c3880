/**
 * A tenant's own contact rules. They are composed with the law like any other pack, so they can
 * only tighten: hours narrower than the law's leave the law's in force too, and a looser cap than
 * the law's is simply never the one that binds.
 */
import type { ContactChannel } from './contact-channel';
import type { ContactRulePack } from './contact-rule-pack';

export interface TenantContactRules {
  /** Local hours for calls, texts and emails, e.g. `{from: '09:00', to: '19:00'}`. */
  readonly hours?: { readonly from: string; readonly to: string };
  /** ISO weekdays on which contact is allowed (1 = Monday). */
  readonly weekdays?: readonly number[];
  /**
   * Extra caps, e.g. at most 3 calls in 7 days. `automatedOnly`: the cap counts and binds only what
   * the system sends (at most 2 automated emails a week, say), leaving people's contacts to the
   * other caps — it never loosens one, as every other pack's caps still apply.
   */
  readonly caps?: readonly {
    readonly channels: readonly ContactChannel[];
    readonly maxAttempts: number;
    readonly periodDays: number;
    readonly automatedOnly?: boolean;
  }[];
  /** No calls for this many days from a conversation. */
  readonly quietAfterConversationDays?: number;
}

export function tenantRulePack(rules: TenantContactRules | undefined): ContactRulePack | undefined {
  if (!rules) return undefined;
  const { hours, weekdays, caps, quietAfterConversationDays } = rules;
  if (!hours && !weekdays && !caps?.length && !quietAfterConversationDays) return undefined;
  return {
    id: 'tenant',
    name: "The tenant's own contact rules",
    legalBasis: 'Tenant policy',
    jurisdictions: ['*'],
    debtKinds: ['consumer', 'business'],
    effectiveFrom: '2000-01-01',
    ...(hours || weekdays
      ? {
          hours: {
            from: hours?.from ?? '00:00',
            to: hours?.to ?? '24:00',
            channels: ['call', 'sms', 'email'],
            ...(weekdays ? { weekdays } : {}),
          },
        }
      : {}),
    ...(caps?.length ? { caps: caps.map((cap) => ({ ...cap, citation: 'tenant policy' })) } : {}),
    ...(quietAfterConversationDays
      ? { quietAfterConversation: { days: quietAfterConversationDays, citation: 'tenant policy' } }
      : {}),
  };
}
