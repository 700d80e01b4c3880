/**
 * What the gate needs to know about a debtor beyond its address book: the requests and states that
 * stop or limit contact, and the recent contact history the caps count.
 */
import type { ContactChannel } from './contact-channel';
import type { DebtKind } from './contact-rule-pack';

export interface ContactSubject {
  readonly debtKind: DebtKind;
  /** `US-MA`, `GB`, `DE`… */
  readonly jurisdiction: string;
  /** IANA zone of the debtor's location; missing or unknown → every zone of the jurisdiction. */
  readonly timezone?: string;
  /** Which channels have an address on file. */
  readonly reachable: Readonly<Record<ContactChannel, boolean>>;
}

export interface ContactStanding {
  /** A cease-communication request: only the notices the law allows may follow. */
  readonly cease?: boolean;
  readonly optOut?: Readonly<Partial<Record<ContactChannel, boolean>>>;
  /** Channels whose address on file the provider reported undeliverable. */
  readonly undeliverable?: Readonly<Partial<Record<ContactChannel, boolean>>>;
  readonly consent?: Readonly<Partial<Record<ContactChannel, boolean>>>;
  /** No telephone contact (calls and texts) at all. */
  readonly doNotCall?: boolean;
  readonly bankruptcy?: boolean;
  readonly deceased?: boolean;
  /** Represented by an attorney for the debt: talk to the attorney, not the debtor. */
  readonly attorneyRepresented?: boolean;
  /** Every open debt is under an open dispute: collection pauses until it is answered. */
  readonly allDebtDisputed?: boolean;
  /** The debt is past its limitation period: no suit and no threat of one. */
  readonly timeBarred?: boolean;
  /** Epoch ms of the first communication about the debt. */
  readonly firstContactAtMs?: number;
  /** Epoch ms the validation notice was sent. */
  readonly validationNoticeSentAtMs?: number;
}

/**
 * One past contact; `conversation` when a telephone call actually reached the debtor. Inbound
 * calls are not attempts (caps ignore them) but a conversation in one starts the quiet days too.
 */
export interface ContactAttempt {
  readonly channel: ContactChannel;
  readonly atMs: number;
  readonly conversation?: boolean;
  readonly inbound?: boolean;
  /** Sent by the system (a workflow step, a schedule), not made or logged by a person. */
  readonly automated?: boolean;
  /**
   * The provider reported that the message never reached the debtor (bounced, failed). It stays
   * an attempt for the law's caps; the caps on automated messages leave it out, so the step can
   * go again on another channel, or the same one at a new address, at once.
   */
  readonly undelivered?: boolean;
}
