/**
 * What the real services' simulators do with a destination, reproduced by the local stand-ins:
 * the SES mailbox simulator addresses and End User Messaging's destination simulator numbers
 * (the documented failure numbers). Every other address is delivered.
 */
export type SimulatedOutcome = 'delivered' | 'bounced' | 'complained' | 'suppressed' | 'unreachable';

const MAILBOX_SIMULATOR: Record<string, SimulatedOutcome> = {
  'success@simulator.amazonses.com': 'delivered',
  'bounce@simulator.amazonses.com': 'bounced',
  'complaint@simulator.amazonses.com': 'complained',
  'suppressionlist@simulator.amazonses.com': 'suppressed',
};

/** Destination simulator numbers that produce a failure event. */
const FAILURE_NUMBERS = new Set([
  '+61455944039',
  '+43676800442032',
  '+32460213923',
  '+56229140631',
  '+420790542287',
  '+4525919215',
  '+37282720793',
  '+3584573979111',
  '+33755512502',
  '+85257048854',
]);

export function simulatedOutcome(address: string): SimulatedOutcome {
  const email = address
    .trim()
    .toLowerCase()
    .replace(/\+[^@]*@/u, '@');
  return MAILBOX_SIMULATOR[email] ?? (FAILURE_NUMBERS.has(address) ? 'unreachable' : 'delivered');
}
