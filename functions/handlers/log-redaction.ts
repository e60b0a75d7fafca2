// Handlers: what a log line may not carry. Every string a logger writes passes through here: e-mail
// addresses, phone numbers and signed tokens are masked, so an error message that quotes them (SES names the
// address it refused) puts no personal data into CloudWatch. Names never reach a log call (tested).

const EMAIL = /[A-Za-z0-9._%+'-]+@[A-Za-z0-9.-]+\.[A-Za-z]{2,}/g;
/** A + and 7–15 digits, spaces or dashes between: how phones are stored (E.164) and typed. */
const PHONE = /\+\d[\d\s().-]{6,18}\d/g;
/** Our signed tokens: base64url payload "." base64url HMAC (functions/core/access/signed-token.ts). */
const SIGNED_TOKEN = /[A-Za-z0-9_-]{16,}\.[A-Za-z0-9_-]{16,}/g;

export function redactText(text: string): string {
  return text.replace(SIGNED_TOKEN, "[token]").replace(EMAIL, "[email]").replace(PHONE, "[phone]");
}

/** The same value with every string in it redacted (objects and arrays walked, dates and errors as text). */
export function redactPersonalData(value: unknown): unknown {
  if (typeof value === "string") return redactText(value);
  if (Array.isArray(value)) return value.map(redactPersonalData);
  if (value instanceof Date) return value.toISOString();
  if (value instanceof Error) return redactText(value.stack ?? value.message);
  if (value && typeof value === "object") {
    return Object.fromEntries(Object.entries(value as Record<string, unknown>).map(([key, inner]) => [key, redactPersonalData(inner)]));
  }
  return value;
}
