// Port: texts (SMS) — the sender (AWS End User Messaging SMS in AWS, the local sink under `npm start` and in
// tests) and what Liveline remembers per number: an opt-out (STOP and the carrier keywords stop every later
// text at once; START or UNSTOP ends it) and the lead last texted there, so a reply lands in that lead's history.

export interface TextMessage {
  /** E.164. */
  to: string;
  body: string;
}

export interface TextSender {
  send(text: TextMessage): Promise<{ messageId: string }>;
}

/** Refused for good (an invalid or opted-out number at the provider): never retried. */
export class TextRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = "TextRefused";
  }
}

export interface TextNumber {
  /** Set once the number opted out; nothing is texted to it after. */
  optedOutAt?: string;
  /** The lead the last text to this number was about. */
  leadId?: string;
}

/**
 * What a STOP or START did: `superseded` when a later one was recorded already (a late or retried delivery
 * changes nothing), else whether the number was opted out before it.
 */
export type KeywordResult = { superseded: true } | { superseded: false; wasOptedOut: boolean };

export interface TextNumbers {
  get(phone: string): Promise<TextNumber>;
  /** Records the opt-out sent at `at` (its first time stays), unless a later STOP or START was recorded already. */
  optOut(phone: string, at: string): Promise<KeywordResult>;
  /** Ends an opt-out (START, UNSTOP) sent at `at`, unless a later STOP or START was recorded already. */
  optIn(phone: string, at: string): Promise<KeywordResult>;
  /** Remembers which lead the number was last texted about. */
  noteTexted(phone: string, leadId: string, at: string): Promise<void>;
}

/** What use cases get: whether texts leave at all (in AWS: once an origination identity is configured), the sender, the numbers. */
export interface Texts {
  enabled: boolean;
  sender: TextSender;
  numbers: TextNumbers;
}
