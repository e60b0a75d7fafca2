// Core: routing a contact request to a pool of reps. Ordered rules on the prospect's answers; the first
// rule that matches — and leaves at least one rep of the offering — picks the pool; otherwise the fallback.
// The decision carries a trace, so an operator can see why a lead went where it went.

/** Which reps a rule routes to: listed ids and/or reps with the given attributes (all must hold). */
export interface RepSelector {
  reps?: readonly string[];
  /** Every one of these skills. */
  skills?: readonly string[];
  /** Any of these regions. */
  regions?: readonly string[];
  /** Any of these languages. */
  languages?: readonly string[];
}

/** Every condition given must hold; a list matches when any of its entries does. */
export interface RoutingConditions {
  countries?: readonly string[];
  /** Names from the regions of RoutingRules. */
  regions?: readonly string[];
  teamSize?: { min?: number; max?: number };
  interestIncludes?: readonly string[];
  languages?: readonly string[];
  emailDomains?: readonly string[];
}

/** The routing section of the config (config/routing-config.ts validates it into this shape). */
export interface RoutingRules {
  /** Named groups of countries. */
  regions: Record<string, readonly string[]>;
  rules: readonly { name: string; when: RoutingConditions; route: RepSelector }[];
  fallback?: RepSelector;
}

export interface ProspectAnswers {
  email: string;
  teamSize?: number;
  interest?: string;
  /** ISO 3166 alpha-2, upper case. */
  country?: string;
  /** Lower-case language tag, e.g. "de". */
  language?: string;
}

export interface RoutableRep {
  id: string;
  skills: readonly string[];
  regions: readonly string[];
  languages: readonly string[];
}

export interface RoutingStep {
  rule: string;
  matched: boolean;
  /** Why it did not apply. */
  reason?: string;
}

export interface RoutingDecision {
  /** The matching rule's name, or null for the fallback. */
  rule: string | null;
  pool: string[];
  trace: RoutingStep[];
}

export function routeRequest(answers: ProspectAnswers, routing: RoutingRules, offeringPool: readonly RoutableRep[]): RoutingDecision {
  const trace: RoutingStep[] = [];
  for (const rule of routing.rules) {
    const mismatch = firstMismatch(answers, rule.when, routing.regions);
    if (mismatch) {
      trace.push({ rule: rule.name, matched: false, reason: mismatch });
      continue;
    }
    const pool = selectReps(rule.route, offeringPool);
    if (pool.length === 0) {
      trace.push({ rule: rule.name, matched: false, reason: "no rep of this offering fits its route" });
      continue;
    }
    trace.push({ rule: rule.name, matched: true });
    return { rule: rule.name, pool, trace };
  }
  const fallback = routing.fallback ? selectReps(routing.fallback, offeringPool) : [];
  // A lead is never left without reps: an empty fallback means the offering's whole pool.
  const pool = fallback.length > 0 ? fallback : offeringPool.map((rep) => rep.id);
  return { rule: null, pool, trace };
}

/** Why the answers do not meet the conditions, or undefined when they all hold. */
function firstMismatch(answers: ProspectAnswers, when: RoutingConditions, regions: Record<string, readonly string[]>): string | undefined {
  if (when.countries && !(answers.country && when.countries.includes(answers.country))) {
    return `country ${answers.country ?? "(none)"} is not one of ${when.countries.join(", ")}`;
  }
  if (when.regions && !when.regions.some((region) => answers.country && (regions[region] ?? []).includes(answers.country))) {
    return `country ${answers.country ?? "(none)"} is in none of the regions ${when.regions.join(", ")}`;
  }
  if (when.teamSize) {
    const { min, max } = when.teamSize;
    if (answers.teamSize === undefined) return "no team size given";
    if (min !== undefined && answers.teamSize < min) return `team size ${answers.teamSize} is below ${min}`;
    if (max !== undefined && answers.teamSize > max) return `team size ${answers.teamSize} is above ${max}`;
  }
  if (when.interestIncludes) {
    const interest = (answers.interest ?? "").toLowerCase();
    if (!when.interestIncludes.some((word) => interest.includes(word.toLowerCase()))) return `interest mentions none of ${when.interestIncludes.join(", ")}`;
  }
  if (when.languages && !(answers.language && when.languages.includes(answers.language))) {
    return `language ${answers.language ?? "(none)"} is not one of ${when.languages.join(", ")}`;
  }
  if (when.emailDomains) {
    const domain = answers.email.slice(answers.email.lastIndexOf("@") + 1).toLowerCase();
    if (!when.emailDomains.some((wanted) => domain === wanted || domain.endsWith(`.${wanted}`))) return `e-mail domain ${domain} is not one of ${when.emailDomains.join(", ")}`;
  }
  return undefined;
}

/** The offering's reps the selector picks, in the offering's order. */
export function selectReps(selector: RepSelector, offeringPool: readonly RoutableRep[]): string[] {
  return offeringPool
    .filter((rep) => !selector.reps || selector.reps.includes(rep.id))
    .filter((rep) => !selector.skills || selector.skills.every((skill) => rep.skills.includes(skill)))
    .filter((rep) => !selector.regions || selector.regions.some((region) => rep.regions.includes(region)))
    .filter((rep) => !selector.languages || selector.languages.some((language) => rep.languages.includes(language)))
    .map((rep) => rep.id);
}
