// The console's views as fragments: each view survives a round trip, and anything unknown is the queue.
import { describe, expect, it } from "vitest";
import { parseRoute, routeHash, type ConsoleRoute } from "../../../web/src/console/console-route";

describe("console routes", () => {
  it("reads each view from its fragment and writes it back the same", () => {
    const routes: ConsoleRoute[] = [
      { view: "queue" },
      { view: "schedule" },
      { view: "search", query: "" },
      { view: "search", query: "Initech & Co / pat@x.example" },
      { view: "lead", leadId: "lead#1/ä" },
      { view: "team", rep: "all" },
      { view: "team", rep: "maya" },
      { view: "search", query: "", behind: { figure: "noShows", from: "2026-11-01", to: "2026-11-30", timeZone: "America/Chicago" } },
      { view: "search", query: "", behind: { figure: "callAttempts", from: "2026-11-01", to: "2026-11-30", timeZone: "UTC", rep: "-", offering: "live-demo", source: "partner.example" } },
    ];
    for (const route of routes) expect(parseRoute(routeHash(route))).toEqual(route);
    expect(routeHash({ view: "team", rep: "maya" })).toBe("#/team?rep=maya");
    expect(routeHash({ view: "team", rep: "all" })).toBe("#/team");
    expect(routeHash({ view: "search", query: "", behind: { figure: "noShows", from: "2026-11-01", to: "2026-11-30", timeZone: "America/Chicago", rep: "maya" } })).toBe(
      "#/search?figure=noShows&from=2026-11-01&to=2026-11-30&timeZone=America%2FChicago&rep=maya",
    );
  });

  it("takes the queue for an empty, unknown or broken fragment", () => {
    for (const hash of ["", "#", "#/", "#/nowhere", "#/lead/", "#/lead/%E0%A4%A"]) expect(parseRoute(hash), hash).toEqual({ view: "queue" });
    expect(parseRoute("#/team?rep=")).toEqual({ view: "team", rep: "all" });
  });
});
