// The house rule behind the movable local clock and the tests' clocks: functions read the time only through
// the Clock port (ports/clock.ts; adapters/local/movable-clock.ts builds on the machine's clock).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";

const CLOCK_FILES = new Set(["functions/ports/clock.ts", "functions/adapters/local/movable-clock.ts"]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

describe("the clock", () => {
  it("is read nowhere in functions/ but through the Clock port", () => {
    const reads = sourceFiles("functions")
      .filter((file) => !CLOCK_FILES.has(file))
      .flatMap((file) =>
        readFileSync(file, "utf8")
          .split("\n")
          .flatMap((line, index) => (/Date\.now\(\)|new Date\(\)/.test(line) ? [`${file}:${index + 1}`] : [])),
      );
    expect(reads).toEqual([]);
  });
});
