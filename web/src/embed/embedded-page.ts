// Web: a prospect page (the booking page, the webinars page) when embed.js frames it on another site. It
// posts its events and height only to the host's origin named in its address: the browser delivers a
// message only to a parent of exactly that origin, and the page's frame-ancestors (site-headers.ts, from
// config embed.allowedOrigins) let only the allowed origins frame it at all — so only they hear anything.
// Links open in a new tab (the pages behind them carry tokens and refuse to be framed), and in a pop-up an
// Escape the page did not use closes the dialog. A concierge pop-up takes the site form's details only
// from its parent at the host's origin.

import { embedContextOf, type EmbedContext, type PrefillField } from "./embed-links";
import type { ConciergeDetails } from "./concierge";
import { FRAME_SIGNALS, detailsMessage, type FrameMessage } from "./embed-messages";

export interface EmbeddedPage {
  context: EmbedContext;
  post(message: FrameMessage): void;
  /** Fills the page's own name, e-mail and company inputs from the embed's prefill. */
  prefill(form: HTMLFormElement): void;
  /** A concierge pop-up: says it is ready, and hands over each set of details the host's form sends. */
  onDetails(take: (details: ConciergeDetails) => void): void;
}

/** The embedding of this page, or undefined when it is opened on its own (or by a page that is not its parent). */
export function embeddedPage(): EmbeddedPage | undefined {
  const context = embedContextOf(location.href);
  if (!context || window.parent === window) return undefined;
  // Chromium and Safari name the parent's origin: a mismatch means the address was copied elsewhere.
  const ancestors = location.ancestorOrigins;
  if (ancestors && ancestors.length > 0 && ancestors[0] !== context.hostOrigin) return undefined;
  const post = (message: FrameMessage) => window.parent.postMessage(message, context.hostOrigin);
  document.documentElement.classList.add("embedded");
  postHeight(post);
  document.addEventListener("click", (event) => {
    const link = (event.target as Element | null)?.closest?.("a[href]");
    if (link instanceof HTMLAnchorElement && !link.hasAttribute("download") && !link.target) {
      link.target = "_blank";
      link.rel = "noopener";
    }
  });
  if (context.mode !== "inline") {
    window.addEventListener("keydown", (event) => {
      if (event.key === "Escape" && !event.defaultPrevented) post({ type: FRAME_SIGNALS.escape });
    });
  }
  return {
    context,
    post,
    prefill: (form) => {
      for (const [field, value] of Object.entries(context.prefill) as [PrefillField, string][]) {
        const control = form.elements.namedItem(field);
        if (control instanceof HTMLInputElement && !control.value) control.value = value;
      }
    },
    onDetails: (take) => {
      if (context.mode !== "concierge") return;
      window.addEventListener("message", (event) => {
        const details = detailsMessage(event, context.hostOrigin, window.parent);
        if (details) take(details);
      });
      post({ type: FRAME_SIGNALS.ready });
    },
  };
}

/** Tells the host how tall the page's content is, now and whenever it changes. */
function postHeight(post: (message: FrameMessage) => void): void {
  const main = document.querySelector("main") ?? document.body;
  let last = 0;
  const measure = () => {
    const height = Math.ceil(main.getBoundingClientRect().bottom + window.scrollY + 16);
    if (height === last) return;
    last = height;
    post({ type: FRAME_SIGNALS.height, height });
  };
  new ResizeObserver(measure).observe(main);
  measure();
}
