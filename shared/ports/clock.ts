/** The only source of "now": Lambdas use the system clock, the local runtime a controllable one. */
export interface Clock {
  now(): Date;
}
