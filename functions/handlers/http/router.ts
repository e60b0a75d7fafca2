// HTTP API: finds the route for a method and path, with its {placeholders} as params.

import { HttpError, type Route } from "./http-route";

export interface RouteMatch {
  route: Route;
  params: Record<string, string>;
}

interface CompiledRoute {
  route: Route;
  regex: RegExp;
  names: string[];
}

export class Router {
  private readonly compiled: CompiledRoute[];

  constructor(routes: readonly Route[]) {
    this.compiled = routes.map((route) => compile(route));
  }

  /** The route, or an HttpError: 404 for an unknown path, 405 (with Allow) for a known path and wrong method. */
  match(method: string, path: string): RouteMatch {
    const allowed: string[] = [];
    for (const { route, regex, names } of this.compiled) {
      const found = regex.exec(path);
      if (!found) continue;
      if (route.method !== method) {
        allowed.push(route.method);
        continue;
      }
      const params: Record<string, string> = {};
      names.forEach((name, index) => (params[name] = decodePathParameter(name, found[index + 1]!)));
      return { route, params };
    }
    if (allowed.length > 0) {
      throw new HttpError(405, "method_not_allowed", `Use ${allowed.join(" or ")} for ${path}.`, undefined, { allow: allowed.join(", ") });
    }
    throw new HttpError(404, "not_found", `There is no API at ${path}.`);
  }
}

/**
 * The longest path parameter, in UTF-8 bytes. Our ids stay under 100 (the longest: a queue item's lead and
 * prompt ids, a session's offering id of at most 40 characters and its start); a much longer one would pass
 * DynamoDB's key size limit and come back as a failed request (503), not as a mistake of the caller's.
 */
const MAX_PATH_PARAMETER_BYTES = 200;

/** A path parameter as sent, percent-decoded; a malformed escape ("%E0%A4%A") or an overlong one is the caller's mistake: 400 naming it. */
function decodePathParameter(name: string, raw: string): string {
  let value: string;
  try {
    value = decodeURIComponent(raw);
  } catch {
    throw new HttpError(400, "invalid_path", `The path parameter ${name} is not valid percent-encoding.`, name);
  }
  if (Buffer.byteLength(value) > MAX_PATH_PARAMETER_BYTES) {
    throw new HttpError(400, "invalid_path", `The path parameter ${name} is longer than ${MAX_PATH_PARAMETER_BYTES} bytes.`, name);
  }
  return value;
}

function compile(route: Route): CompiledRoute {
  const names: string[] = [];
  const source = route.pattern
    .split(/(\{[a-zA-Z]+\})/)
    .map((part) => {
      const name = /^\{([a-zA-Z]+)\}$/.exec(part)?.[1];
      if (!name) return part.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
      names.push(name);
      return "([^/]+)";
    })
    .join("");
  return { route, regex: new RegExp(`^${source}$`), names };
}
