// Web: builds the pages into a folder of static files (esbuild, no framework): the booking page, the
// lifecycle pages of the links in our e-mails, and the webinar pages (sessions and registration, the
// registrant's manage page, the host's attendance page), the rep console with its service worker and web app
// manifest, each with its own small script, the console's insights page (/console/insights, its charts
// drawn by uPlot, bundled with its stylesheet), its webhooks page (/console/webhooks, managers), and embed.js, the script other sites put on their pages. Called by `npm start` (into web/dist) and by the CDK stack's
// asset bundling (into the asset folder).

import { buildSync } from "esbuild";
import { copyFileSync, mkdirSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import { dirname, join, sep } from "node:path";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { en as bookingEnglish } from "./src/page-text/en";
import { en as availabilityEnglish } from "./src/page-text/availability/en";
import { en as bookingProgressEnglish } from "./src/page-text/booking-progress/en";
import { en as checksEnglish } from "./src/page-text/checks/en";
import { en as slotsEnglish } from "./src/page-text/slots/en";
import { en as outcomeEnglish } from "./src/page-text/outcome/en";
import { en as embedEnglish } from "./src/page-text/embed/en";
import { en as lifecycleEnglish } from "./src/page-text/lifecycle/en";
import { en as webinarsEnglish } from "./src/page-text/webinars/en";
import { en as brandEnglish } from "./src/page-text/brand/en";
import { en as shortLinkEnglish } from "./src/page-text/short-link/en";

/** Every page's English words (page-text/en.ts and the areas' en.ts), the one source the HTML is filled from. */
export const ENGLISH_PAGE_TEXT: Readonly<Record<string, string>> = { ...bookingEnglish, ...lifecycleEnglish, ...webinarsEnglish, ...brandEnglish, ...shortLinkEnglish, ...availabilityEnglish, ...bookingProgressEnglish, ...outcomeEnglish, ...checksEnglish, ...slotsEnglish, ...embedEnglish };

const webDir = dirname(fileURLToPath(import.meta.url));
export const defaultWebOutDir = join(webDir, "dist");

/** What a page's script may weigh gzipped, unless the page says otherwise. */
export const DEFAULT_SCRIPT_BUDGET_KB = 30;

/**
 * The pages: each HTML file in static/ loads exactly one script, built from its entry module. No code
 * splitting: the few shared modules are bundled into each script, so a page makes one small request. A page
 * under a folder (console/insights.html, at /console/insights) names its files from the site's root.
 */
export const PAGES: readonly { html: string; script: string; entry: string; scriptBudgetKb?: number; stylesheet?: string }[] = [
  { html: "index.html", script: "app.js", entry: "pages/booking-page.ts" },
  { html: "manage.html", script: "manage.js", entry: "pages/manage-page.ts" },
  { html: "outcome.html", script: "outcome.js", entry: "pages/outcome-page.ts" },
  { html: "feedback.html", script: "feedback.js", entry: "pages/feedback-page.ts" },
  { html: "unsubscribe.html", script: "unsubscribe.js", entry: "pages/unsubscribe-page.ts" },
  { html: "l.html", script: "link.js", entry: "pages/link-page.ts" },
  { html: "webinars.html", script: "webinars.js", entry: "pages/webinars-page.ts" },
  { html: "registration.html", script: "registration.js", entry: "pages/registration-page.ts" },
  { html: "webinar-host.html", script: "webinar-host.js", entry: "pages/webinar-host-page.ts" },
  { html: "sign-in.html", script: "sign-in.js", entry: "pages/sign-in-page.ts" },
  { html: "console.html", script: "console.js", entry: "pages/console-page.ts" },
  // The chart library is most of it: uPlot and its stylesheet (which esbuild writes beside the script).
  { html: "console/insights.html", script: "console/insights.js", entry: "pages/insights-page.ts", scriptBudgetKb: 80, stylesheet: "console/insights.css" },
  { html: "console/availability.html", script: "console/availability.js", entry: "pages/availability-page.ts" },
  { html: "console/webhooks.html", script: "console/webhooks.js", entry: "pages/webhooks-page.ts" },
  { html: "console/brand.html", script: "console/brand.js", entry: "pages/brand-page.ts" },
  { html: "console/team.html", script: "console/team.js", entry: "pages/team-page.ts" },
  { html: "console/offerings.html", script: "console/offerings.js", entry: "pages/offerings-page.ts" },
];

/**
 * The ALTCHA widget (abuse protection), its own script beside the pages that send public writes (booking,
 * webinars, sign-in; `PROTECTED_PAGES`), so it is cached once across them and their own scripts stay small;
 * and its proof-of-work worker, copied from the package as it is.
 */
export const WIDGET = { script: "altcha.js", entry: "api/altcha-widget.ts", worker: "altcha-sha.js", scriptBudgetKb: 35 } as const;
export const PROTECTED_PAGES: readonly string[] = ["index.html", "webinars.html", "sign-in.html"];
const require = createRequire(import.meta.url);
/** The package's main file is dist/main/altcha.umd.cjs; its workers sit in dist/workers. */
const widgetWorkerSource = () => join(dirname(require.resolve("altcha")), "..", "workers", "sha.js");

/** Service workers: served from the site's root, so their scope can cover the page they serve. */
export const WORKERS: readonly { script: string; entry: string }[] = [{ script: "console-sw.js", entry: "console/console-sw.ts" }];

/**
 * The embed script other sites load with <script async> (embed.ts): a classic script, not a module, so
 * its names stay out of the host page's globals but for window.Liveline; and small.
 */
export const EMBED_SCRIPT = { script: "embed.js", entry: "embed/embed.ts", scriptBudgetKb: 6 } as const;

/** Static files copied as they are. */
const STATIC_FILE = /\.(html|css|svg|ico|txt|webmanifest)$/;

export function buildWeb(outDir: string = defaultWebOutDir): void {
  mkdirSync(outDir, { recursive: true });
  buildSync({
    entryPoints: Object.fromEntries([...PAGES, ...WORKERS, WIDGET].map((page) => [page.script.replace(/\.js$/, ""), join(webDir, "src", page.entry)])),
    outdir: outDir,
    bundle: true,
    minify: true,
    sourcemap: false,
    format: "esm",
    target: ["es2020"],
    legalComments: "none",
    logLevel: "warning",
  });
  buildSync({
    entryPoints: [join(webDir, "src", EMBED_SCRIPT.entry)],
    outfile: join(outDir, EMBED_SCRIPT.script),
    bundle: true,
    minify: true,
    sourcemap: false,
    format: "iife",
    target: ["es2020"],
    legalComments: "none",
    logLevel: "warning",
  });
  copyFileSync(widgetWorkerSource(), join(outDir, WIDGET.worker));
  for (const name of readdirSync(join(webDir, "static"), { recursive: true, encoding: "utf8" })) {
    if (!STATIC_FILE.test(name)) continue;
    mkdirSync(dirname(join(outDir, name)), { recursive: true });
    if (name.endsWith(".html")) writeFileSync(join(outDir, name), withEnglishText(readFileSync(join(webDir, "static", name), "utf8"), name));
    else copyFileSync(join(webDir, "static", name), join(outDir, name));
  }
}

/** An element whose words come from the page catalogue: `<tag … data-text="key" …></tag>`, empty in static/. */
const TEXT_ELEMENT = /<([a-z][a-z0-9]*)\b([^>]*?)\sdata-text="([\w.]+)"([^>]*)>([^<]*)<\/\1>/g;

/**
 * Writes the English words (page-text/en.ts, their one source) into the page's data-text elements, so the
 * page reads right before its script runs and without it; the script swaps in the reader's language.
 */
export function withEnglishText(html: string, page: string): string {
  return html.replace(TEXT_ELEMENT, (_whole, tag: string, before: string, key: string, after: string, content: string) => {
    if (content.trim() !== "") throw new Error(`${page}: data-text="${key}" must be empty in static/ (its words are in web/src/page-text/)`);
    const words = Object.hasOwn(ENGLISH_PAGE_TEXT, key) ? ENGLISH_PAGE_TEXT[key] : undefined;
    if (words === undefined) throw new Error(`${page}: data-text="${key}" is not in web/src/page-text/en.ts or an area's en.ts`);
    return `<${tag}${before} data-text="${key}"${after}>${escapeHtml(words)}</${tag}>`;
  });
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** Gzipped size in bytes of each built file, by its path in the site: what a visitor downloads (see the budgets above). */
export function gzippedSizes(outDir: string = defaultWebOutDir): Record<string, number> {
  const sizes: Record<string, number> = {};
  for (const name of readdirSync(outDir, { recursive: true, encoding: "utf8" }).sort()) {
    if (statSync(join(outDir, name)).isFile()) sizes[name.split(sep).join("/")] = gzipSync(readFileSync(join(outDir, name))).length;
  }
  return sizes;
}

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  buildWeb();
  const sizes = Object.entries(gzippedSizes()).map(([name, bytes]) => `${name} ${(bytes / 1024).toFixed(1)} KB`);
  console.log(`web built into ${defaultWebOutDir} (gzipped: ${sizes.join(", ")})`);
}
