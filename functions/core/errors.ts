// Core: the domain's typed errors. Use cases throw them; the HTTP layer maps each code to a status in
// one place (handlers/http/error-responses.ts).

export abstract class DomainError extends Error {
  abstract readonly code: string;
}

/** A request field is wrong in a way the person can fix. */
export class InvalidInput extends DomainError {
  constructor(
    readonly field: string,
    message: string,
    readonly code: string = "invalid_input",
  ) {
    super(message);
    this.name = "InvalidInput";
  }
}

/** The chosen time was free when shown but is taken now (or no rep is left for it). */
export class SlotTaken extends DomainError {
  readonly code = "slot_taken";
  constructor(message = "That time was just taken. Please pick another slot.") {
    super(message);
    this.name = "SlotTaken";
  }
}

export class NotFound extends DomainError {
  readonly code = "not_found";
  constructor(message: string) {
    super(message);
    this.name = "NotFound";
  }
}

/** An Idempotency-Key was sent again with a different request body. */
export class IdempotencyKeyReused extends DomainError {
  readonly code = "idempotency_key_reused";
  constructor() {
    super("This Idempotency-Key was already used for a different request.");
    this.name = "IdempotencyKeyReused";
  }
}

/** The request is fine but collides with what happened before (already logged, changed meanwhile): 409. */
export abstract class ConflictError extends DomainError {
  /** More for the caller, sent beside code and message (e.g. the next session with room). */
  details?: Record<string, unknown>;
}

/**
 * The write lost every race for a contended item (e.g. a session's seat counter under a rush): nothing was
 * written, and the same request may simply be sent again — 503 with Retry-After, not a failure of ours.
 */
export class TryAgainLater extends DomainError {
  readonly code = "busy";
  constructor(
    message = "Many people are doing this right now. Nothing was saved; please try again in a moment.",
    readonly retryAfterSeconds = 1,
  ) {
    super(message);
    this.name = "TryAgainLater";
  }
}

/** A signed link is forged, expired or for something else. */
export class Forbidden extends DomainError {
  readonly code = "forbidden";
  constructor(message = "This link is not valid or has expired.") {
    super(message);
    this.name = "Forbidden";
  }
}

/**
 * Abuse protection refused a public write before anything was stored: no valid, unused proof-of-work
 * solution, a honeypot field filled in, or a form sent faster than a person can. Always names the field.
 */
export class ProtectionRefused extends DomainError {
  constructor(
    readonly code: "challenge_required" | "challenge_used" | "too_fast" | "honeypot",
    readonly field: string,
    message: string,
  ) {
    super(message);
    this.name = "ProtectionRefused";
  }
}

/** A rate limit of abuse protection was reached: 429 with Retry-After; nothing was stored. */
export class RateLimited extends DomainError {
  readonly code = "rate_limited";
  constructor(
    message: string,
    readonly retryAfterSeconds: number,
    /** The field whose value is limited (an address), when the limit is about one. */
    readonly field?: string,
  ) {
    super(message);
    this.name = "RateLimited";
  }
}

/** A whole document (the settings) has bad fields: every one is named, nothing is saved. */
export class InvalidFields extends DomainError {
  readonly code = "invalid_input";
  constructor(readonly problems: { field: string; message: string }[]) {
    super(problems.map((p) => `${p.field}: ${p.message}`).join("; "));
    this.name = "InvalidFields";
  }
}

/** A write was made against a version that is no longer the current one (optimistic concurrency): 412. */
export class VersionMoved extends DomainError {
  readonly code = "version_moved";
  constructor(readonly currentVersion: number) {
    super(`The settings changed meanwhile (now version ${currentVersion}). Load them again and redo the change.`);
    this.name = "VersionMoved";
  }
}
