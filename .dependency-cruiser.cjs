// House rules: which part may import which (ARCHITECTURE.md draws them). `npm test` runs
// `depcruise --validate` with this file; a broken rule names the rule and both files. Type-only imports
// count: a type is a dependency too.
/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment: "An import circle ties parts together that should be read, tested and bundled one at a time.",
      from: {},
      to: { circular: true },
    },
    {
      name: "core-imports-only-core",
      severity: "error",
      comment:
        "functions/core is pure: it imports other core files, Node's crypto (hashing, HMAC) and ical.js (parsing calendar feeds) — no config, port, adapter or SDK.",
      from: { path: "^functions/core/" },
      to: { pathNot: ["^functions/core/", "^node_modules/ical\\.js/"], dependencyTypesNot: ["core"] },
    },
    {
      name: "core-uses-no-io-builtins",
      severity: "error",
      comment: "Of Node's own modules the core uses crypto only: no files, network or processes.",
      from: { path: "^functions/core/" },
      to: { dependencyTypes: ["core"], pathNot: "^(node:)?crypto$" },
    },
    {
      name: "ports-import-only-core-types",
      severity: "error",
      comment: "A port is an interface in the core's words: it imports core types and nothing else.",
      from: { path: "^functions/ports/" },
      to: { pathNot: "^functions/core/" },
    },
    {
      name: "ports-import-core-as-types",
      severity: "error",
      comment: "A port imports core types, not core code.",
      from: { path: "^functions/ports/" },
      to: { path: "^functions/core/", dependencyTypesNot: ["type-only"] },
    },
    {
      name: "use-cases-know-no-http-or-engine",
      severity: "error",
      comment: "Use cases orchestrate core and ports; HTTP is the handlers', engines are the adapters'.",
      from: { path: "^functions/use-cases/" },
      to: { path: ["^functions/handlers/", "^functions/adapters/", "^node_modules/@aws-sdk/"] },
    },
    {
      name: "adapters-serve-ports",
      severity: "error",
      comment: "An adapter implements a port for one engine; it does not call use cases or handlers.",
      from: { path: "^functions/adapters/" },
      to: { path: ["^functions/use-cases/", "^functions/handlers/"] },
    },
    {
      name: "routes-do-not-import-routes",
      severity: "error",
      comment: "A route owns one group of endpoints; what several routes answer alike lives in handlers/http/presenters/ (or idempotency-key.ts, console-auth.ts).",
      from: { path: "^functions/handlers/http/routes/" },
      to: { path: "^functions/handlers/http/routes/" },
    },
    {
      name: "calendar-feeds-parsed-only-by-the-refresh",
      severity: "error",
      comment: "Only the scheduled refresh (use-cases/availability/refresh-calendar-feeds.ts) parses calendar feeds: the request path reads stored copies, so the API and timer bundles carry no iCalendar parser.",
      from: { pathNot: "^functions/(use-cases/availability/refresh-calendar-feeds\\.ts|core/calendar/calendar-feed\\.ts)$" },
      to: { path: "^functions/core/calendar/calendar-feed\\.ts$|ical\\.js" },
    },
    {
      name: "functions-never-import-infra",
      severity: "error",
      comment: "The same handler code runs in Lambda and locally: it never imports the stack or the local runtime.",
      from: { path: "^functions/" },
      to: { path: ["^infra/", "^web/"] },
    },
    {
      name: "web-imports-only-shared-api-types",
      severity: "error",
      comment: "Pages call the HTTP API only; from the server they take the API's types (and its body limit and the short links' header name), nothing that runs.",
      from: { path: "^web/src/" },
      to: { path: "^(functions|infra)/", pathNot: "^functions/handlers/http/(api-schemas|console-schemas|privacy-schemas|body-limits|short-link-header)\\.ts$" },
    },
    {
      name: "web-takes-api-schemas-as-types",
      severity: "error",
      comment: "The schemas reach the pages as types only: none of zod goes to the browser.",
      from: { path: "^web/src/" },
      to: { path: "^functions/handlers/http/(api-schemas|console-schemas|privacy-schemas)\\.ts$", dependencyTypesNot: ["type-only"] },
    },
  ],
  options: {
    doNotFollow: { path: "node_modules" },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: "tsconfig.json" },
    exclude: { path: "(^|/)(node_modules|cdk\\.out|web/dist)/" },
  },
};
