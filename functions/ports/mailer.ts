// Port: sending one composed e-mail. Adapters: SESv2 (AWS, and the local SES emulator through the same API).

export interface OutgoingEmail {
  /** The envelope sender: must be a verified SES identity. */
  from: string;
  /** Exactly one recipient per message (INVITES.md item 6). */
  to: string;
  /** The whole RFC 5322 message, CRLF line ends. */
  raw: string;
}

export interface Mailer {
  send(email: OutgoingEmail): Promise<{ messageId: string }>;
}

/**
 * The mail service refused this message for good — the address or the message itself is the problem — so
 * retrying cannot help. Adapters turn their service's own refusals into it; anything else they throw is
 * worth a retry.
 */
export class MailRefused extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = "MailRefused";
  }
}
