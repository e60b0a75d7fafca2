import { describe, expect, it } from "vitest";
import type { RoutingConfig } from "../../../functions/config/routing-config";
import { routeRequest, type RoutableRep } from "../../../functions/core/availability/routing";

const reps: RoutableRep[] = [
  { id: "ana", skills: ["enterprise"], regions: ["amer"], languages: ["en", "es"] },
  { id: "ben", skills: [], regions: ["emea"], languages: ["en", "de"] },
  { id: "cho", skills: ["enterprise"], regions: ["emea", "apac"], languages: ["en"] },
  { id: "dev", skills: [], regions: ["apac"], languages: ["en", "hi"] },
];

const routing: RoutingConfig = {
  regions: { emea: ["DE", "FR", "GB"], apac: ["IN", "AU"] },
  rules: [
    { name: "Key accounts", when: { emailDomains: ["globex.com"] }, route: { reps: ["ana"] } },
    { name: "Enterprise EMEA", when: { regions: ["emea"], teamSize: { min: 200 } }, route: { skills: ["enterprise"], regions: ["emea"] } },
    { name: "German speakers", when: { languages: ["de"] }, route: { languages: ["de"] } },
    { name: "Forecasting", when: { interestIncludes: ["forecast"], countries: ["IN"] }, route: { reps: ["dev"] } },
    { name: "Nobody fits", when: { countries: ["BR"] }, route: { languages: ["pt"] } },
  ],
  fallback: { regions: ["amer", "apac"] },
};

describe("routeRequest", () => {
  it("takes the first rule that matches and says which", () => {
    const decision = routeRequest({ email: "a@sales.globex.com", country: "DE", teamSize: 500 }, routing, reps);
    expect(decision.rule).toBe("Key accounts");
    expect(decision.pool).toEqual(["ana"]);
    expect(decision.trace).toEqual([{ rule: "Key accounts", matched: true }]);
  });

  it("combines conditions (all must hold) and rep attributes (all must hold)", () => {
    const big = routeRequest({ email: "x@acme.de", country: "DE", teamSize: 250 }, routing, reps);
    expect(big).toMatchObject({ rule: "Enterprise EMEA", pool: ["cho"] });
    expect(big.trace[0]).toMatchObject({ rule: "Key accounts", matched: false, reason: expect.stringContaining("e-mail domain acme.de") });
    const small = routeRequest({ email: "x@acme.de", country: "DE", teamSize: 20, language: "de" }, routing, reps);
    expect(small).toMatchObject({ rule: "German speakers", pool: ["ben"] });
    expect(small.trace[1]).toMatchObject({ rule: "Enterprise EMEA", reason: "team size 20 is below 200" });
  });

  it("matches interest case-insensitively", () => {
    expect(routeRequest({ email: "p@x.in", country: "IN", interest: "Sales FORECASTING for 2027" }, routing, reps).rule).toBe("Forecasting");
  });

  it("skips a matching rule that leaves no rep of the offering, and falls back", () => {
    const decision = routeRequest({ email: "p@x.br", country: "BR" }, routing, reps);
    expect(decision.trace.at(-1)).toEqual({ rule: "Nobody fits", matched: false, reason: "no rep of this offering fits its route" });
    expect(decision).toMatchObject({ rule: null, pool: ["ana", "cho", "dev"] });
  });

  it("never leaves a lead without reps: no fallback, or an empty one, means the whole pool", () => {
    expect(routeRequest({ email: "p@x.br" }, { regions: {}, rules: [] }, reps).pool).toEqual(["ana", "ben", "cho", "dev"]);
    expect(routeRequest({ email: "p@x.br" }, { regions: {}, rules: [], fallback: { skills: ["nothing"] } }, reps).pool).toEqual(["ana", "ben", "cho", "dev"]);
  });

  it("keeps the offering's pool: a rule never routes to a rep outside it", () => {
    expect(routeRequest({ email: "a@globex.com" }, routing, reps.slice(1)).rule).not.toBe("Key accounts");
  });
});
