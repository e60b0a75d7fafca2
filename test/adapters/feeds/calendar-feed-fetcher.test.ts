// Tests: fetching a rep's calendar feed from a local HTTP server (status codes, a server that never
// answers, oversize bodies, webcal://) and from files, with the secret URL kept out of every message.
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import { createServer as createTcpServer, type AddressInfo, type Server as TcpServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CalendarFeedUnavailable, fetchCalendarFeed } from "../../../functions/adapters/feeds/calendar-feed-fetcher";

const FEED = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//Liveline tests//EN\r\nEND:VCALENDAR\r\n";
const SECRET = "private-5f1e0c9a2b7d4e8f";

let server: Server;
let origin: string;
let host: string;

const routes: Record<string, (request: IncomingMessage, response: ServerResponse) => void> = {
  [`/calendar/ical/ada%40acme.example/${SECRET}/basic.ics`]: (_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar; charset=utf-8" }).end(`\uFEFF${FEED}`);
  },
  [`/missing/${SECRET}/basic.ics`]: (_request, response) => response.writeHead(404).end("Not Found"),
  [`/broken/${SECRET}/basic.ics`]: (_request, response) => response.writeHead(503).end("Unavailable"),
  // Never answers: the client's deadline must end the wait.
  [`/silent/${SECRET}/basic.ics`]: () => undefined,
  // Sends headers, then stalls in the middle of the body.
  [`/stalling/${SECRET}/basic.ics`]: (_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar" });
    response.write("BEGIN:VCALENDAR\r\n");
  },
  [`/declared-large/${SECRET}/basic.ics`]: (_request, response) => {
    response.writeHead(200, { "content-length": String(2048) }).end("x".repeat(2048));
  },
  // Chunked, no Content-Length: only counting the bytes as they come can stop it.
  [`/streamed-large/${SECRET}/basic.ics`]: (_request, response) => {
    response.writeHead(200, { "content-type": "text/calendar" });
    for (let i = 0; i < 64; i++) response.write("x".repeat(1024));
    response.end();
  },
};

beforeAll(async () => {
  server = createServer((request, response) => {
    const route = routes[new URL(request.url ?? "/", "http://localhost").pathname];
    if (route) route(request, response);
    else response.writeHead(404).end();
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  host = `127.0.0.1:${(server.address() as AddressInfo).port}`;
  origin = `http://${host}`;
});

afterAll(async () => {
  server.closeAllConnections();
  await new Promise((done) => server.close(done));
});

/** The rejection of a fetch, checked to be CalendarFeedUnavailable naming the host but not the secret. */
async function unavailable(promise: Promise<string>, expectedHost?: string): Promise<string> {
  const error = await promise.then(
    () => undefined,
    (reason: unknown) => reason,
  );
  expect(error).toBeInstanceOf(CalendarFeedUnavailable);
  const message = (error as Error).message;
  expect(message).not.toContain(SECRET);
  expect(message).not.toContain("basic.ics");
  if (expectedHost) expect(message).toContain(expectedHost);
  return message;
}

describe("fetchCalendarFeed over HTTP", () => {
  it("returns the body of a 200 as text, without the byte-order mark", async () => {
    const text = await fetchCalendarFeed({ url: `${origin}/calendar/ical/ada%40acme.example/${SECRET}/basic.ics` });
    expect(text).toBe(FEED);
  });

  it.each([
    ["404", "missing", /HTTP 404/],
    ["503", "broken", /HTTP 503/],
  ])("turns a %s into CalendarFeedUnavailable that names only the host", async (_status, route, expected) => {
    const message = await unavailable(fetchCalendarFeed({ url: `${origin}/${route}/${SECRET}/basic.ics?token=${SECRET}` }), host);
    expect(message).toMatch(expected);
  });

  it("gives up on a server that never answers within the timeout", async () => {
    const started = Date.now();
    const message = await unavailable(fetchCalendarFeed({ url: `${origin}/silent/${SECRET}/basic.ics` }, { timeoutMs: 200 }), host);
    expect(Date.now() - started).toBeLessThan(2_000);
    expect(message).toMatch(/did not answer within 200 ms/);
  });

  it("gives up on a body that stalls, within the same timeout", async () => {
    const started = Date.now();
    await unavailable(fetchCalendarFeed({ url: `${origin}/stalling/${SECRET}/basic.ics` }, { timeoutMs: 200 }), host);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it.each(["declared-large", "streamed-large"])("refuses an oversize body (%s)", async (route) => {
    const message = await unavailable(fetchCalendarFeed({ url: `${origin}/${route}/${SECRET}/basic.ics` }, { maxBytes: 1024 }), host);
    expect(message).toMatch(/larger than 1024 bytes/);
  });

  it("reports a refused connection by its code", async () => {
    const closed = createServer();
    await new Promise<void>((done) => closed.listen(0, "127.0.0.1", done));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((done) => closed.close(done));
    const message = await unavailable(fetchCalendarFeed({ url: `http://127.0.0.1:${port}/${SECRET}/basic.ics` }), `127.0.0.1:${port}`);
    expect(message).toMatch(/ECONNREFUSED/);
  });

  it("fetches webcal:// over HTTPS (the server sees a TLS handshake)", async () => {
    const firstBytes: number[] = [];
    const tcp: TcpServer = createTcpServer((socket) => {
      socket.once("data", (data) => {
        firstBytes.push(data[0]!);
        socket.destroy();
      });
    });
    await new Promise<void>((done) => tcp.listen(0, "127.0.0.1", done));
    const tcpHost = `127.0.0.1:${(tcp.address() as AddressInfo).port}`;
    try {
      await unavailable(fetchCalendarFeed({ url: `webcal://${tcpHost}/${SECRET}/basic.ics` }, { timeoutMs: 1_000 }), tcpHost);
      expect(firstBytes).toEqual([0x16]); // a TLS record of type handshake
    } finally {
      await new Promise((done) => tcp.close(done));
    }
  });

  it.each([
    ["not a URL", "not a url"],
    ["another scheme", `ftp://${"example.com"}/${SECRET}/basic.ics`],
  ])("rejects %s without echoing it", async (_name, url) => {
    await unavailable(fetchCalendarFeed({ url }));
  });
});

describe("fetchCalendarFeed from a file", () => {
  let dir: string;

  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), "liveline-feeds-"));
    await writeFile(join(dir, "rep.ics"), FEED);
  });

  afterAll(async () => {
    await rm(dir, { recursive: true, force: true });
  });

  it("reads a path relative to baseDir", async () => {
    expect(await fetchCalendarFeed({ path: "rep.ics" }, { baseDir: dir })).toBe(FEED);
  });

  it("reads an absolute path as it is", async () => {
    expect(await fetchCalendarFeed({ path: join(dir, "rep.ics") }, { baseDir: "/nowhere" })).toBe(FEED);
  });

  it("turns a missing file into CalendarFeedUnavailable", async () => {
    const message = await unavailable(fetchCalendarFeed({ path: "absent.ics" }, { baseDir: dir }));
    expect(message).toMatch(/ENOENT/);
  });

  it("refuses an oversize file", async () => {
    await unavailable(fetchCalendarFeed({ path: "rep.ics" }, { baseDir: dir, maxBytes: 10 }));
  });

  it("needs a url or a path", async () => {
    await unavailable(fetchCalendarFeed({}));
  });
});
