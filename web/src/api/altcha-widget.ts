// Web: the ALTCHA widget (v3, its strict-CSP "external" build), loaded as its own script beside the pages
// that send public writes (the booking, webinars and sign-in pages) and cached across them. It registers the
// one proof-of-work algorithm our challenges use with its worker, served from our own origin
// (altcha-sha.js, copied by web/build.ts). The pages drive it through web/src/api/protection.ts.

import "altcha/external";

declare const $altcha: { algorithms: Map<string, () => Worker> };

$altcha.algorithms.set("SHA-256", () => new Worker(new URL("./altcha-sha.js", import.meta.url)));
