// Adapter: reading a rep's private calendar feed (the iCalendar "secret address" of Google Calendar or
// Outlook) over HTTP(S) with a deadline and a size cap, or from a local file (local runs and tests).
// Parsing is the core's (core/calendar/calendar-feed.ts). A feed URL's path and query are the rep's secret: they
// let anyone read the calendar, so messages name the host only.

import { readFile, stat } from "node:fs/promises";
import { resolve } from "node:path";

export interface CalendarFeedSource {
  url?: string;
  path?: string;
}

export interface CalendarFeedFetchOptions {
  /** For the whole request, body included. */
  timeoutMs?: number;
  /** Of the body as received (after decompression), so a small gzip cannot expand without bound. */
  maxBytes?: number;
  /** What a relative `path` is resolved against; process.cwd() by default. */
  baseDir?: string;
}

/** The feed cannot be had now: HTTP error, timeout, network error, too large, missing file. */
export class CalendarFeedUnavailable extends Error {
  constructor(message: string) {
    super(message);
    this.name = "CalendarFeedUnavailable";
  }
}

const DEFAULT_TIMEOUT_MS = 3_000;
const DEFAULT_MAX_BYTES = 5 * 1024 * 1024;

/**
 * The feed's text: fetched (http/https; webcal:// treated as https://) with a timeout and a size limit,
 * or read from a file. `url` wins when both are given.
 */
export async function fetchCalendarFeed(source: CalendarFeedSource, options: CalendarFeedFetchOptions = {}): Promise<string> {
  const maxBytes = options.maxBytes ?? DEFAULT_MAX_BYTES;
  if (source.url) return fetchFeedUrl(feedUrl(source.url), options.timeoutMs ?? DEFAULT_TIMEOUT_MS, maxBytes);
  if (source.path) return readFeedFile(resolve(options.baseDir ?? process.cwd(), source.path), maxBytes);
  throw new CalendarFeedUnavailable("the calendar feed has neither a url nor a path");
}

function feedUrl(raw: string): URL {
  const text = raw.trim();
  // webcal is a hint for calendar apps, not a protocol: every provider serves it over HTTPS.
  const scheme = text.slice(0, text.indexOf(":")).toLowerCase();
  const normalised = scheme === "webcal" || scheme === "webcals" ? `https${text.slice(scheme.length)}` : text;
  let url: URL;
  try {
    url = new URL(normalised);
  } catch {
    throw new CalendarFeedUnavailable("the calendar feed URL is not a valid URL");
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw new CalendarFeedUnavailable(`the calendar feed URL must be http, https or webcal, not ${url.protocol}`);
  }
  return url;
}

async function fetchFeedUrl(url: URL, timeoutMs: number, maxBytes: number): Promise<string> {
  const where = `the calendar feed at ${url.host}`;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), timeoutMs);
  try {
    const response = await fetch(url, { signal: controller.signal, headers: { accept: "text/calendar, */*;q=0.5" } });
    if (!response.ok) {
      discard(response.body);
      throw new CalendarFeedUnavailable(`${where} answered HTTP ${response.status}`);
    }
    return await readCapped(response, maxBytes, where);
  } catch (error) {
    if (error instanceof CalendarFeedUnavailable) throw error;
    if (controller.signal.aborted) throw new CalendarFeedUnavailable(`${where} did not answer within ${timeoutMs} ms`);
    // Only a code: some fetch errors quote the URL, and with it the secret.
    throw new CalendarFeedUnavailable(`${where} cannot be reached (${reasonOf(error)})`);
  } finally {
    clearTimeout(timer);
  }
}

async function readCapped(response: Response, maxBytes: number, where: string): Promise<string> {
  const tooLarge = () => new CalendarFeedUnavailable(`${where} is larger than ${maxBytes} bytes`);
  if (Number(response.headers.get("content-length")) > maxBytes) {
    discard(response.body);
    throw tooLarge();
  }
  if (!response.body) return "";
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw tooLarge();
    }
    chunks.push(value);
  }
  return decode(Buffer.concat(chunks));
}

async function readFeedFile(path: string, maxBytes: number): Promise<string> {
  const where = `the calendar feed file ${path}`;
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new CalendarFeedUnavailable(`${where} is not a file`);
    if (info.size > maxBytes) throw new CalendarFeedUnavailable(`${where} is larger than ${maxBytes} bytes`);
    return decode(await readFile(path));
  } catch (error) {
    if (error instanceof CalendarFeedUnavailable) throw error;
    throw new CalendarFeedUnavailable(`${where} cannot be read (${reasonOf(error)})`);
  }
}

/** iCalendar is UTF-8 (RFC 5545 3.1.4); the decoder also drops a byte-order mark, which ical.js rejects. */
function decode(bytes: Uint8Array): string {
  return new TextDecoder("utf-8").decode(bytes);
}

function discard(body: ReadableStream<Uint8Array> | null): void {
  body?.cancel().catch(() => undefined);
}

function reasonOf(error: unknown): string {
  const cause = error instanceof Error ? (error.cause as { code?: unknown } | undefined) : undefined;
  const code = (error as { code?: unknown } | null)?.code ?? cause?.code;
  if (typeof code === "string") return code;
  return error instanceof Error ? error.name : "unknown error";
}
