// Port: sign-in state — one-time link items and session items (both expire by TTL), and the per-address
// count of sign-in e-mails. Only hashes of the secrets are stored: a copy of the table signs nobody in.

export interface SignInLink {
  tokenHash: string;
  repId: string;
  /** Epoch ms. */
  expiresAt: number;
}

export interface Session {
  idHash: string;
  repId: string;
  /** Epoch ms. */
  createdAt: number;
  lastSeenAt: number;
}

export interface SignInStore {
  saveLink(link: SignInLink): Promise<void>;
  /** Removes the link and returns it; undefined when it was never issued or already used (single use). */
  takeLink(tokenHash: string): Promise<SignInLink | undefined>;
  /** `endsAt` (epoch ms) is when TTL may delete the item. */
  saveSession(session: Session, endsAt: number): Promise<void>;
  getSession(idHash: string): Promise<Session | undefined>;
  touchSession(idHash: string, lastSeenAt: number, endsAt: number): Promise<void>;
  deleteSession(idHash: string): Promise<void>;
  /**
   * Records one more sign-in e-mail to this address when `admit` (given the earlier send times) allows
   * it; false when it does not, or another request counted at the same moment.
   */
  countMail(address: string, admit: (sentAt: readonly number[]) => number[] | undefined): Promise<boolean>;
}
