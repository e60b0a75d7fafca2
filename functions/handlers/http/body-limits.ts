// HTTP API: how large a request body (and a part of one) may be — the handler refuses more with 413 or 422,
// and the pages check against the same figures before sending. No imports: the browser bundle reads this too.

/** Any request: a form's JSON is far smaller. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A host's attendance upload: a platform's CSV export of a large session runs to tens of kilobytes. */
export const ATTENDANCE_MAX_BYTES = 1024 * 1024;

/** A lead's source (api-schemas.ts leadSource): each UTM value, and the referring page's address. */
export const LEAD_SOURCE_MAX_CHARS = { utm: 200, referrer: 2000 } as const;
