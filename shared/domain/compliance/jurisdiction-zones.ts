/**
 * The time zones a jurisdiction spans. When a debtor's own zone is unknown, contact hours must
 * hold in every zone of its jurisdiction (Regulation F: "convenient in all of them"), which in
 * effect is the most restrictive zone at each end of the day.
 */

const NEW_YORK = 'America/New_York';
const CHICAGO = 'America/Chicago';
const DENVER = 'America/Denver';
const PHOENIX = 'America/Phoenix';
const LOS_ANGELES = 'America/Los_Angeles';
const ANCHORAGE = 'America/Anchorage';
const ADAK = 'America/Adak';
const HONOLULU = 'Pacific/Honolulu';
const DETROIT = 'America/Detroit';
const INDIANAPOLIS = 'America/Indiana/Indianapolis';
const BOISE = 'America/Boise';

/** US states and territories; states split by a zone line list both sides. */
const US_STATE_ZONES: Readonly<Record<string, readonly string[]>> = {
  AL: [CHICAGO],
  AK: [ANCHORAGE, ADAK],
  AZ: [PHOENIX, DENVER],
  AR: [CHICAGO],
  CA: [LOS_ANGELES],
  CO: [DENVER],
  CT: [NEW_YORK],
  DE: [NEW_YORK],
  DC: [NEW_YORK],
  FL: [NEW_YORK, CHICAGO],
  GA: [NEW_YORK],
  HI: [HONOLULU],
  ID: [BOISE, LOS_ANGELES],
  IL: [CHICAGO],
  IN: [INDIANAPOLIS, CHICAGO],
  IA: [CHICAGO],
  KS: [CHICAGO, DENVER],
  KY: [NEW_YORK, CHICAGO],
  LA: [CHICAGO],
  ME: [NEW_YORK],
  MD: [NEW_YORK],
  MA: [NEW_YORK],
  MI: [DETROIT, CHICAGO],
  MN: [CHICAGO],
  MS: [CHICAGO],
  MO: [CHICAGO],
  MT: [DENVER],
  NE: [CHICAGO, DENVER],
  NV: [LOS_ANGELES, BOISE],
  NH: [NEW_YORK],
  NJ: [NEW_YORK],
  NM: [DENVER],
  NY: [NEW_YORK],
  NC: [NEW_YORK],
  ND: [CHICAGO, DENVER],
  OH: [NEW_YORK],
  OK: [CHICAGO],
  OR: [LOS_ANGELES, BOISE],
  PA: [NEW_YORK],
  RI: [NEW_YORK],
  SC: [NEW_YORK],
  SD: [CHICAGO, DENVER],
  TN: [CHICAGO, NEW_YORK],
  TX: [CHICAGO, DENVER],
  UT: [DENVER],
  VT: [NEW_YORK],
  VA: [NEW_YORK],
  WA: [LOS_ANGELES],
  WV: [NEW_YORK],
  WI: [CHICAGO],
  WY: [DENVER],
  PR: ['America/Puerto_Rico'],
  GU: ['Pacific/Guam'],
  VI: ['America/St_Thomas'],
  AS: ['Pacific/Pago_Pago'],
  MP: ['Pacific/Saipan'],
};

/** Countries, by the zones their residents live in (overseas territories left out). */
const COUNTRY_ZONES: Readonly<Record<string, readonly string[]>> = {
  US: [...new Set(Object.values(US_STATE_ZONES).flat())],
  CA: [
    'America/St_Johns',
    'America/Halifax',
    'America/Toronto',
    'America/Winnipeg',
    'America/Regina',
    'America/Edmonton',
    'America/Vancouver',
  ],
  GB: ['Europe/London'],
  IE: ['Europe/Dublin'],
  AT: ['Europe/Vienna'],
  BE: ['Europe/Brussels'],
  BG: ['Europe/Sofia'],
  HR: ['Europe/Zagreb'],
  CY: ['Asia/Nicosia'],
  CZ: ['Europe/Prague'],
  DK: ['Europe/Copenhagen'],
  EE: ['Europe/Tallinn'],
  FI: ['Europe/Helsinki'],
  FR: ['Europe/Paris'],
  DE: ['Europe/Berlin'],
  GR: ['Europe/Athens'],
  HU: ['Europe/Budapest'],
  IT: ['Europe/Rome'],
  LV: ['Europe/Riga'],
  LT: ['Europe/Vilnius'],
  LU: ['Europe/Luxembourg'],
  MT: ['Europe/Malta'],
  NL: ['Europe/Amsterdam'],
  PL: ['Europe/Warsaw'],
  PT: ['Europe/Lisbon', 'Atlantic/Azores'],
  RO: ['Europe/Bucharest'],
  SK: ['Europe/Bratislava'],
  SI: ['Europe/Ljubljana'],
  ES: ['Europe/Madrid', 'Atlantic/Canary'],
  SE: ['Europe/Stockholm'],
  CH: ['Europe/Zurich'],
  NO: ['Europe/Oslo'],
  AU: [
    'Australia/Sydney',
    'Australia/Brisbane',
    'Australia/Adelaide',
    'Australia/Darwin',
    'Australia/Perth',
    'Australia/Hobart',
  ],
  NZ: ['Pacific/Auckland'],
  JP: ['Asia/Tokyo'],
  SG: ['Asia/Singapore'],
  IN: ['Asia/Kolkata'],
  KW: ['Asia/Kuwait'],
  AE: ['Asia/Dubai'],
  MX: ['America/Mexico_City', 'America/Cancun', 'America/Chihuahua', 'America/Hermosillo', 'America/Tijuana'],
  BR: ['America/Sao_Paulo', 'America/Manaus', 'America/Rio_Branco', 'America/Noronha'],
};

export const EU_MEMBER_STATES: ReadonlySet<string> = new Set([
  'AT',
  'BE',
  'BG',
  'HR',
  'CY',
  'CZ',
  'DK',
  'EE',
  'FI',
  'FR',
  'DE',
  'GR',
  'HU',
  'IE',
  'IT',
  'LV',
  'LT',
  'LU',
  'MT',
  'NL',
  'PL',
  'PT',
  'RO',
  'SK',
  'SI',
  'ES',
  'SE',
]);

/** `US-MA` → `US`; `GB` → `GB`. */
export function countryOf(jurisdiction: string): string {
  return jurisdiction.split('-')[0]!.toUpperCase();
}

/** Zones of a jurisdiction; empty when Recoup does not know where it is. */
export function jurisdictionZones(jurisdiction: string): readonly string[] {
  const [country, subdivision] = jurisdiction.toUpperCase().split('-');
  if (country === 'US' && subdivision && US_STATE_ZONES[subdivision]) return US_STATE_ZONES[subdivision];
  return COUNTRY_ZONES[country!] ?? [];
}
