import type { ContactChannel, ContactPurpose } from '../../domain/compliance/contact-channel';
import { canContact, type ContactDecision } from '../../domain/compliance/contact-gate';
import type { UseCaseContext } from '../context';
import { contactSituation, gateRequest, type ContactServices } from './contact-situation';

export function decisionView(decision: ContactDecision, channel: ContactChannel, at: Date) {
  return {
    channel,
    at: at.toISOString(),
    allowed: decision.allowed,
    reasons: decision.reasons,
    nextAllowedAt: decision.nextAllowedAt?.toISOString() ?? null,
    obligations: decision.obligations,
    rulePacks: decision.packs,
    timezones: decision.zones,
  };
}

/** The gate, asked by a person before contacting a debtor: nothing is recorded by asking. */
export async function checkContact(
  services: ContactServices,
  context: UseCaseContext,
  debtorId: string,
  query: { channel: ContactChannel; at?: string; purpose?: ContactPurpose; sender?: 'person' | 'system' },
) {
  const at = query.at ? new Date(query.at) : services.clock.now();
  const situation = await contactSituation(services, context.actor, debtorId, at);
  const decision = canContact(
    gateRequest(situation, {
      channel: query.channel,
      at,
      purpose: query.purpose ?? 'collection',
      // Asked as the system would send: the automated-message caps count and bind too.
      ...(query.sender === 'system' ? { automated: true } : {}),
    }),
  );
  return decisionView(decision, query.channel, at);
}
