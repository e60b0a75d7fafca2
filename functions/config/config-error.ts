// Config: the error a config file or the environment raises when invalid — one line per bad field.

import type { FieldProblem } from "../validation/issue-messages";

export class ConfigError extends Error {
  constructor(
    readonly source: string,
    readonly problems: FieldProblem[],
  ) {
    super(`${source} is not valid:\n${problems.map((p) => `  - ${p.field || "(file)"}: ${p.message}`).join("\n")}`);
    this.name = "ConfigError";
  }
}
