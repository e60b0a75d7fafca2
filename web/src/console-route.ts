// Web: the console's views as addresses — "#/queue", "#/schedule", "#/search?q=…", "#/lead/<id>",
// "#/team?rep=<id>|all" — so the back button, a reload and a shared link all land on the same view.

export type ConsoleRoute =
  | { view: "queue" }
  | { view: "schedule" }
  | { view: "search"; query: string }
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
    case "search":
      return { view: "search", query: params.get("q") ?? "" };
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
      return route.query ? `#/search?${new URLSearchParams({ q: route.query })}` : "#/search";
    case "team":
      return route.rep === "all" ? "#/team" : `#/team?${new URLSearchParams({ rep: route.rep })}`;
    case "lead":
      return `#/lead/${encodeURIComponent(route.leadId)}`;
  }
}

function safeDecode(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return "";
  }
}
