// Tests (e2e): starts `npm start` as a child process with its own engines, data folder and ports, and
// reads the addresses it prints — each e2e file gets a site of its own.
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { freePort } from "../../infra/local/free-port";
import { cleanEnvironment, startRuntimeProcess, type StartedRuntime } from "../support/local-runtime-process";
import { remoteSolution, wantsSolution } from "../support/proof-of-work";

/** The committed config with Priya a manager too (two managers to edit at once), written to a file of its own. */
export function twoManagersConfig(): string {
  const config = JSON.parse(readFileSync("liveline.config.json", "utf8"));
  config.reps = config.reps.map((rep: { id: string }) => (rep.id === "priya" ? { ...rep, role: "manager" } : rep));
  const file = join(mkdtempSync(join(tmpdir(), "liveline-two-managers-")), "liveline.config.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

/** Screenshots the e2e tests leave behind (git-ignored). */
export const ARTIFACTS = join(process.cwd(), "test", "e2e", "artifacts");

export interface E2eSite {
  runtime: StartedRuntime;
  siteUrl: string;
  mailViewerUrl: string;
  /** The page stamp of the test's own API calls (as one page that stays open): set by the first public write. */
  stamp?: string;
}

export async function startE2eSite(name: string, extraEnvironment: Record<string, string> = {}): Promise<E2eSite> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), `liveline-e2e-${name}-`));
  const runtime = await startRuntimeProcess(
    cleanEnvironment({
      PORT: String(port),
      LIVELINE_DATA_DIR: dataDir,
      LIVELINE_SES_PORT: String(await freePort()),
      ...extraEnvironment,
      LIVELINE_CONFIG: roomyConfig(extraEnvironment.LIVELINE_CONFIG ?? "liveline.config.json", dataDir),
    }),
  );
  const mailViewerUrl = /E-mails sent:\s+(\S+?)\/?\n/.exec(runtime.output())![1]!;
  return { runtime, siteUrl: `http://localhost:${port}`, mailViewerUrl };
}

/**
 * The site's config with rate limits and a mail budget a test's many writes from one machine fit in (the
 * challenge and the honeypot stay as configured; the limits have tests of their own).
 */
function roomyConfig(source: string, dataDir: string): string {
  const config = JSON.parse(readFileSync(source, "utf8"));
  const roomy = { max: 100_000, windowMinutes: 10 };
  config.protection = { ...config.protection, rateLimits: { writesPerIp: roomy, writesPerToken: roomy, liveBookingsPerAddress: 100, colleaguesPerAddressPerDay: 1000 }, mailsPerAddressPerDay: 1000 };
  const file = join(dataDir, "liveline.config.json");
  writeFileSync(file, JSON.stringify(config, null, 2));
  return file;
}

export interface StoredEmail {
  subject: string;
  destination: { to: string[] };
  body: { html?: string; text?: string };
  attachments: { filename?: string }[];
}

/** Every e-mail the site's SES engine took, or only those to an address (case-insensitive). */
export async function storedEmails(site: E2eSite, to?: string): Promise<StoredEmail[]> {
  const { emails } = (await (await fetch(`${site.mailViewerUrl}/store`)).json()) as { emails: StoredEmail[] };
  if (to === undefined) return emails;
  return emails.filter((email) => email.destination.to.some((address) => address.toLowerCase().includes(to.toLowerCase())));
}

/** Calls the site's API as a test's setup step: a refusal throws with the status and body. */
export async function callApi(site: E2eSite, method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<any> {
  const send = async (sent: unknown) => fetch(`${site.siteUrl}${path}`, { method, headers: { "content-type": "application/json", ...headers }, body: sent === undefined ? undefined : JSON.stringify(sent) });
  let response: Response | undefined;
  if (wantsSolution(method, path, body, headers)) {
    // A public write: with a solution, as a page sends it — once the page has been open long enough.
    for (let attempt = 0; attempt < 2; attempt++) {
      const solution = await remoteSolution(site.siteUrl, site.stamp);
      site.stamp = solution.stamp;
      response = await send({ ...body, altcha: solution.altcha });
      if (response.status !== 400 || attempt > 0) break;
      const refused = (await response.clone().json()) as { error: { code: string } };
      if (refused.error.code !== "too_fast") break;
      await new Promise((resolve) => setTimeout(resolve, solution.minFormMs + 100));
    }
  }
  response ??= await send(body);
  const json = await response.json();
  if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${JSON.stringify(json)}`);
  return json;
}
