// HTTP API: how large a request body may be — the handler refuses more with 413, and the pages check a
// file against the same figure before sending it. No imports: the browser bundle reads this too.

/** Any request: a form's JSON is far smaller. */
export const MAX_BODY_BYTES = 16 * 1024;

/** A host's attendance upload: a platform's CSV export of a large session runs to tens of kilobytes. */
export const ATTENDANCE_MAX_BYTES = 1024 * 1024;
