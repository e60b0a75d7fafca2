// Bench: what abuse protection costs a visitor — the booking page's JavaScript with the ALTCHA widget and its
// worker (gzipped, as the web build makes them), and how long the widget takes to solve a challenge at the
// default difficulty (config protection.challenge.maxNumber) in Chromium: the median of 15 solves, each a
// fresh challenge from the same code GET /api/challenge runs.

import { readFileSync, mkdtempSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfigFile } from "../../functions/config/load-config";
import { singleKeyRing } from "../../functions/core/access/signing-keys";
import { issueChallenge } from "../../functions/handlers/http/proof-of-work";
import { systemClock } from "../../functions/ports/clock";
import type { UseCaseDependencies } from "../../functions/use-cases/use-case-dependencies";
import { WIDGET, buildWeb, gzippedSizes } from "../../web/build";
import { launchChromium } from "../e2e/browser";

const SOLVES = 15;

export async function benchProtection(print: (line: string) => void): Promise<void> {
  const outDir = mkdtempSync(join(tmpdir(), "liveline-protection-bench-"));
  try {
    buildWeb(outDir);
    const sizes = gzippedSizes(outDir);
    const total = ["app.js", WIDGET.script, WIDGET.worker].reduce((sum, name) => sum + (sizes[name] ?? 0), 0);
    print(`booking page JavaScript with the ALTCHA widget: ${(total / 1024).toFixed(1)} KB gzip (app.js ${((sizes["app.js"] ?? 0) / 1024).toFixed(1)}, altcha.js ${((sizes[WIDGET.script] ?? 0) / 1024).toFixed(1)}, worker ${((sizes[WIDGET.worker] ?? 0) / 1024).toFixed(1)})`);
    const config = readConfigFile("liveline.config.json");
    const deps = { clock: systemClock, catalogue: { config }, signingSecret: singleKeyRing("bench-secret-0123456789abcdef0123456789") } as unknown as UseCaseDependencies;
    const server = createServer((request, response) => {
      if (request.url === "/api/challenge") {
        void issueChallenge(deps, undefined).then((challenge) => response.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(challenge)));
        return;
      }
      const file = request.url === "/" ? "bench.html" : (request.url ?? "").slice(1);
      if (file === "bench.html") return void response.writeHead(200, { "content-type": "text/html" }).end(`<!doctype html><script type="module" src="${WIDGET.script}"></script>`);
      let body: Buffer;
      try {
        body = readFileSync(join(outDir, file));
      } catch {
        return void response.writeHead(404).end();
      }
      response.writeHead(200, { "content-type": "text/javascript" }).end(body);
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    const browser = await launchChromium();
    try {
      const page = await browser.newPage();
      await page.goto(`http://localhost:${(server.address() as AddressInfo).port}/`);
      const times = await page.evaluate(async (solves) => {
        await customElements.whenDefined("altcha-widget");
        const widget = document.createElement("altcha-widget") as HTMLElement & { configure(c: object): Promise<void>; reset(): void; verify(): Promise<{ payload?: string } | null> };
        widget.hidden = true;
        document.body.append(widget);
        for (let frame = 0; frame < 100 && typeof widget.configure !== "function"; frame++) await new Promise((resolve) => setTimeout(resolve, 20));
        await widget.configure({ challenge: "/api/challenge", display: "invisible", auto: "off", minDuration: 0 });
        const measured: number[] = [];
        for (let solve = 0; solve < solves; solve++) {
          widget.reset();
          const started = performance.now();
          const result = await widget.verify();
          if (!result?.payload) throw new Error("the widget found no solution");
          measured.push(performance.now() - started);
        }
        return measured;
      }, SOLVES);
      times.sort((a, b) => a - b);
      print(`ALTCHA challenge solved in Chromium at the default difficulty (maxNumber ${config.protection.challenge.maxNumber}): median ${times[Math.floor(times.length / 2)]!.toFixed(0)} ms, p90 ${times[Math.floor(times.length * 0.9)]!.toFixed(0)} ms (${SOLVES} solves, fetch included)`);
    } finally {
      await browser.close();
      server.close();
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
