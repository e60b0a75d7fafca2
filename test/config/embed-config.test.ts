// Tests: config embed.allowedOrigins — exact web origins only, the one list every header and CORS answer reads.
import { describe, expect, it } from "vitest";
import { originProblem } from "../../functions/config/embed-config";
import { parseConfig, readConfigFile } from "../../functions/config/load-config";
import { problemsOf, validConfig } from "../support/config-problems";

const valid = validConfig;

describe("embed.allowedOrigins", () => {
  it("takes exact origins: https with host and optional port, plain http only on this machine", () => {
    for (const origin of ["https://www.example.com", "https://example.com:8443", "http://localhost:3100", "http://127.0.0.1:8080", "http://[::1]:3100"]) {
      expect(originProblem(origin), origin).toBeUndefined();
    }
  });

  it("refuses paths, trailing slashes, wildcards, other schemes, upper case, default ports and plain http elsewhere, saying why", () => {
    expect(originProblem("https://www.example.com/")).toContain("without a path or trailing slash (https://www.example.com)");
    expect(originProblem("https://www.example.com/contact")).toContain("without a path");
    expect(originProblem("https://*.example.com")).toContain("without wildcards");
    expect(originProblem("*")).toContain("without wildcards");
    expect(originProblem("www.example.com")).toContain("must be an origin like https://www.example.com");
    expect(originProblem("ftp://example.com")).toContain("must be an origin");
    expect(originProblem("https://WWW.Example.com")).toContain("(https://www.example.com)");
    expect(originProblem("https://example.com:443")).toContain("(https://example.com)");
    expect(originProblem("https://user@example.com")).toContain("(https://example.com)");
    expect(originProblem("http://www.example.com")).toBe("must use https (plain http only for localhost)");
  });

  it("names the bad entry in the config, refuses one listed twice, and defaults to none", () => {
    const raw = valid();
    raw.embed = { allowedOrigins: ["https://www.example.com", "https://www.example.com/contact"] };
    expect(problemsOf(raw)["embed.allowedOrigins[1]"]).toContain("without a path");
    raw.embed = { allowedOrigins: ["https://www.example.com", "https://www.example.com"] };
    expect(problemsOf(raw)["embed.allowedOrigins"]).toBe("lists an origin twice");
    raw.embed = { allowedOrigins: Array.from({ length: 21 }, (_, i) => `https://site${i}.example.com`) };
    expect(problemsOf(raw)["embed.allowedOrigins"]).toBe("must list at most 20 origins");
    delete raw.embed;
    expect(parseConfig(raw, "test.json").embed).toEqual({ allowedOrigins: [] });
  });

  it("lets the committed default's demo host page (npm start, port 3100) embed the pages", () => {
    expect(readConfigFile("liveline.config.json").embed.allowedOrigins).toEqual(["http://localhost:3100"]);
  });
});
