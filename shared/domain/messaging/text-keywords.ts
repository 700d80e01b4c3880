/**
 * The reply keywords carriers and AWS End User Messaging treat as opt-out and opt-in (CTIA
 * guidelines): matched on the whole reply, ignoring case, spaces and trailing punctuation.
 */
const STOP_WORDS = new Set(['STOP', 'STOPALL', 'UNSUBSCRIBE', 'CANCEL', 'END', 'QUIT', 'OPTOUT', 'REVOKE']);
const START_WORDS = new Set(['START', 'UNSTOP', 'YES', 'OPTIN']);

export type InboundKeyword = 'stop' | 'start' | 'help' | 'other';

export function inboundKeyword(body: string): InboundKeyword {
  const word = body
    .trim()
    .toUpperCase()
    .replace(/[\s.!-]+$/u, '')
    .replace(/[\s-]+/gu, '');
  if (STOP_WORDS.has(word)) return 'stop';
  if (START_WORDS.has(word)) return 'start';
  if (word === 'HELP' || word === 'INFO') return 'help';
  return 'other';
}
