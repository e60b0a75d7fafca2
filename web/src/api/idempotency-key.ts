// Web: Idempotency-Key values for POST /api/bookings. One key per attempt at a chosen slot, reused when
// the same attempt is retried after a network failure, so a lost response can never book twice.

export function newIdempotencyKey(cryptoImpl: Pick<Crypto, "getRandomValues"> & { randomUUID?: () => string } = crypto): string {
  // randomUUID only exists in secure contexts; plain-http previews fall back to a hand-made v4 UUID.
  if (typeof cryptoImpl.randomUUID === "function") return cryptoImpl.randomUUID();
  const bytes = cryptoImpl.getRandomValues(new Uint8Array(16));
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40;
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80;
  const hex = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/** Remembers the key of the attempt in progress until that attempt is settled (booked or refused). */
export class BookingAttempts {
  private current: { start: string; key: string } | undefined;
  private readonly makeKey: () => string;

  constructor(makeKey: () => string = () => newIdempotencyKey()) {
    this.makeKey = makeKey;
  }

  /** The same key while `start` is being retried; a fresh one for another slot or after settle(). */
  keyFor(start: string): string {
    if (this.current?.start !== start) this.current = { start, key: this.makeKey() };
    return this.current.key;
  }

  /** The server gave a definite answer: the next try is a new attempt. */
  settle(): void {
    this.current = undefined;
  }
}
