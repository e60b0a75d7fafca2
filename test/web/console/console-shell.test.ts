// The console's service worker keeps the app shell only: never an API answer (leads' personal data),
// never another origin, never a write.
import { describe, expect, it } from "vitest";
import { isShellRequest, SHELL_FILES, shellPath } from "../../../web/src/console/console-shell";

const ORIGIN = "https://demo.example";

describe("console shell", () => {
  it("serves the page, its script, styles, icon and manifest", () => {
    for (const path of SHELL_FILES) expect(isShellRequest("GET", `${ORIGIN}${path}`, ORIGIN), path).toBe(true);
    expect(isShellRequest("GET", `${ORIGIN}/console.html`, ORIGIN)).toBe(true);
    expect(isShellRequest("GET", `${ORIGIN}/console#/lead/x`, ORIGIN)).toBe(true);
    expect(shellPath("/console.html")).toBe("/console");
  });

  it("never touches the API, other pages, other origins or writes", () => {
    for (const url of [`${ORIGIN}/api/console/queue`, `${ORIGIN}/api/leads/l1`, `${ORIGIN}/api/me`, `${ORIGIN}/api`, `${ORIGIN}/index.html`, `${ORIGIN}/app.js`, "https://elsewhere.example/console", "not a url"]) {
      expect(isShellRequest("GET", url, ORIGIN), url).toBe(false);
    }
    expect(isShellRequest("POST", `${ORIGIN}/console`, ORIGIN)).toBe(false);
  });
});
