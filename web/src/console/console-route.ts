// Web: the console's views as addresses — "#/queue", "#/schedule", "#/search?q=…", the leads behind an
// insights figure "#/search?figure=…&from=…&to=…&timeZone=…[&rep=][&offering=][&source=]", "#/lead/<id>",
// "#/team?rep=<id>|all" — so the back button, a reload and a shared link all land on the same view.

import type { FigureLeads, LeadFigure } from "../api/console-types";

export type { FigureLeads };
const FIGURE_FILTER = ["from", "to", "timeZone", "rep", "offering", "source"] as const;

export type ConsoleRoute =
  | { view: "queue" }
  | { view: "schedule" }
  | { view: "search"; query: string }
  | { view: "search"; query: ""; behind: FigureLeads }
  | { view: "lead"; leadId: string }
  | { view: "team"; rep: string };

/** The view a fragment names; anything unknown is the queue, a rep's home. */
export function parseRoute(hash: string): ConsoleRoute {
  const [path = "", search = ""] = hash.replace(/^#\/?/, "").split("?", 2);
  const params = new URLSearchParams(search);
  const [head, ...rest] = path.split("/");
  switch (head) {
    case "schedule":
      return { view: "schedule" };
    case "search": {
      const figure = params.get("figure");
      if (!figure) return { view: "search", query: params.get("q") ?? "" };
      const filter = Object.fromEntries(FIGURE_FILTER.flatMap((name) => (params.get(name) ? [[name, params.get(name)!]] : [])));
      // The API judges the figure and its filter: a bad one is its 422, shown on the page.
      return { view: "search", query: "", behind: { from: "", to: "", timeZone: "", ...filter, figure: figure as LeadFigure } };
    }
    case "team":
      return { view: "team", rep: params.get("rep") || "all" };
    case "lead": {
      const leadId = safeDecode(rest.join("/"));
      return leadId ? { view: "lead", leadId } : { view: "queue" };
    }
    default:
      return { view: "queue" };
  }
}

/** The fragment of a view: parseRoute(routeHash(route)) is the route again. */
export function routeHash(route: ConsoleRoute): string {
  switch (route.view) {
    case "queue":
    case "schedule":
      return `#/${route.view}`;
    case "search":
      if ("behind" in route) return `#/search?${figureLeadsQuery(route.behind)}`;
      return route.query ? `#/search?${new URLSearchParams({ q: route.query })}` : "#/search";
    case "team":
      return route.rep === "all" ? "#/team" : `#/team?${new URLSearchParams({ rep: route.rep })}`;
    case "lead":
      return `#/lead/${encodeURIComponent(route.leadId)}`;
  }
}

/** The query of GET /api/leads for the leads behind a figure (and of its view's fragment). */
export function figureLeadsQuery(behind: FigureLeads): URLSearchParams {
  const query = new URLSearchParams({ figure: behind.figure });
  for (const name of FIGURE_FILTER) if (behind[name]) query.set(name, behind[name]);
  return query;
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
