// Validation: turns zod issues into one readable message per field, for config errors at start-up and
// for the API's 4xx bodies. Field paths are written the way a person would point at them: reps[1].timeZone.

import type { core } from "zod/mini";

export interface FieldProblem {
  field: string;
  message: string;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  let text = "";
  for (const part of path) {
    if (typeof part === "number") text += `[${part}]`;
    else text += text === "" ? String(part) : `.${String(part)}`;
  }
  return text;
}

/** A sentence for an issue, preferring the message a schema set itself over zod's generic one. */
export function describeIssue(issue: core.$ZodIssue): string {
  if (issue.message && issue.message !== "Invalid input") return issue.message;
  switch (issue.code) {
    case "invalid_type":
      return issue.input === undefined ? "is required" : `must be ${article(issue.expected)}`;
    case "too_small":
      return issue.origin === "string" ? `must be at least ${issue.minimum} characters` : `must be at least ${issue.minimum}`;
    case "too_big":
      return issue.origin === "string" ? `must be at most ${issue.maximum} characters` : `must be at most ${issue.maximum}`;
    case "unrecognized_keys":
      return "is not a known field";
    case "invalid_value":
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(", ")}`;
    case "invalid_format":
      return `is not a valid ${issue.format}`;
    default:
      return "is invalid";
  }
}

function article(expected: string): string {
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

/**
 * A union's issue, told by the option of the input's own type: a colleague typed as "ann@@x" is "not a valid
 * address", not merely "invalid". When no option (or several) took the input's type, the union's own issue.
 */
function unionIssues(issue: core.$ZodIssue): core.$ZodIssue[] {
  if (issue.code !== "invalid_union") return [issue];
  const ofInputType = issue.errors.filter((option) => !option.some((inner) => inner.code === "invalid_type" && inner.path.length === 0));
  if (ofInputType.length !== 1) return [issue];
  return ofInputType[0]!.flatMap((inner) => unionIssues({ ...inner, path: [...issue.path, ...inner.path] } as core.$ZodIssue));
}

/** One problem per field (the first issue wins), in the order zod reported them. */
export function toFieldProblems(issues: readonly core.$ZodIssue[]): FieldProblem[] {
  const seen = new Set<string>();
  const problems: FieldProblem[] = [];
  for (const issue of issues.flatMap(unionIssues)) {
    const keys = issue.code === "unrecognized_keys" ? issue.keys : [undefined];
    for (const key of keys) {
      const field = fieldPath(key === undefined ? issue.path : [...issue.path, key]);
      if (seen.has(field)) continue;
      seen.add(field);
      problems.push({ field, message: describeIssue(issue) });
    }
  }
  return problems;
}
