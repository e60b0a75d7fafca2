// Web: embed.js, the one script a company puts on its own site (served from the Liveline site's root).
// It finds <div data-liveline="offering"> (an inline booking frame, made when the visitor comes near it)
// and <button data-liveline-popup="offering"> (the same flow in a modal dialog, made on the first click),
// and offers Liveline.attach(form, options) — the concierge: the site's own form is sent as before, and
// its details go to a pop-up (made ready, hidden, once the visitor starts on the form) whose booking page
// records the contact request and shows the routed times. It loads nothing until the visitor is near,
// clicks or types. Frames grow to their page's height; messages are taken only from the Liveline site's
// origin and its own frames. A frame's page speaks the element's data-liveline-language (on the form, for the
// concierge), else the host page's <html lang> — and so do the frame's title and the pop-up's heading and close button.

import { conciergeDetails, type ConciergeDetails, type ConciergeOptions } from "./concierge";
import { embeddedPageUrl, languageOf, prefillOf, type EmbedMode, type Prefill } from "./embed-links";
import { embedText } from "../page-text/embed";
import { DETAILS_MESSAGE, FRAME_SIGNALS, HOST_EVENTS, frameMessage, type ClosedMessage, type DetailsMessage, type FrameMessage } from "./embed-messages";

/** How near (px) an inline embed must come to the viewport before its frame loads. */
const NEAR = "400px";

const script = (document.currentScript as HTMLScriptElement | null) ?? document.querySelector<HTMLScriptElement>('script[src*="embed.js"]');
const site = new URL(script?.src ?? location.href).origin;

interface Frame {
  iframe: HTMLIFrameElement;
  offering: string;
  booked: boolean;
  /** A concierge pop-up: it said it can take the details; the details waiting for that. */
  ready?: boolean;
  details?: ConciergeDetails;
}
const frames: Frame[] = [];

/** The language asked of a frame: the element's data-liveline-language, else the host page's own. */
const languageFor = (element: HTMLElement | undefined) => languageOf(element?.dataset ?? {}, document.documentElement.lang);

function makeFrame(offering: string, mode: EmbedMode, prefill: Prefill, language: string | undefined): Frame {
  const iframe = document.createElement("iframe");
  iframe.src = embeddedPageUrl({ site, offering, mode, hostPage: location.href, prefill, ...(language ? { language } : {}) });
  // Read by screen readers on the host page, in the language the frame speaks.
  iframe.title = embedText(language)["embed.frameTitle"];
  Object.assign(iframe.style, { display: "block", width: "100%", height: "640px", border: "0", colorScheme: "normal" });
  const frame = { iframe, offering, booked: false };
  frames.push(frame);
  return frame;
}

/** Tells the host page: a message event (as the frame's own are) and a DOM event on the document. */
function publish(message: FrameMessage | ClosedMessage): void {
  document.dispatchEvent(new CustomEvent(message.type, { detail: message }));
}

window.addEventListener("message", (event) => {
  for (const frame of frames) {
    const message = frameMessage(event, site, frame.iframe.contentWindow);
    if (!message) continue;
    if (message.type === FRAME_SIGNALS.height) frame.iframe.style.height = `${message.height}px`;
    else if (message.type === FRAME_SIGNALS.escape) dialog?.close();
    else if (message.type === FRAME_SIGNALS.ready) {
      frame.ready = true;
      sendDetails(frame);
    } else {
      if (message.type === HOST_EVENTS.booked) frame.booked = true;
      publish(message);
    }
  }
});

// --- Inline -----------------------------------------------------------------------------------------

function inline(element: HTMLElement): void {
  const offering = element.dataset["liveline"];
  if (!offering || element.dataset["livelineReady"]) return;
  element.dataset["livelineReady"] = "true";
  const load = () => element.replaceChildren(makeFrame(offering, "inline", prefillOf(element.dataset, location.href), languageFor(element)).iframe);
  if (!("IntersectionObserver" in window)) return load();
  const observer = new IntersectionObserver(
    (entries) => {
      if (!entries.some((entry) => entry.isIntersecting)) return;
      observer.disconnect();
      load();
    },
    { rootMargin: NEAR },
  );
  observer.observe(element);
}

// --- Pop-up -----------------------------------------------------------------------------------------

let dialog: HTMLDialogElement | undefined;

interface Popup {
  box: HTMLDialogElement;
  frame: Frame;
  close: HTMLButtonElement;
  opener: HTMLElement | null;
}

/** Opens the flow in a modal dialog; focus goes to its close button and comes back to `opener` when it closes. */
function popup(offering: string, prefill: Prefill, opener: HTMLElement | null, language: string | undefined): void {
  show(makePopup(offering, "popup", prefill, language), opener);
}

function show(made: Popup, opener: HTMLElement | null): void {
  if (dialog && dialog !== made.box) dialog.close();
  made.opener = opener;
  dialog = made.box;
  made.box.showModal();
  made.close.focus();
}

/** The dialog and its frame, in the page but closed (a concierge frame loads while the visitor types). */
function makePopup(offering: string, mode: EmbedMode, prefill: Prefill, language: string | undefined): Popup {
  const box = document.createElement("dialog");
  const frame = makeFrame(offering, mode, prefill, language);
  const words = embedText(language);
  const heading = document.createElement("h2");
  heading.id = `liveline-dialog-${frames.length}`;
  heading.textContent = words["embed.frameTitle"];
  const close = document.createElement("button");
  close.type = "button";
  close.textContent = words["embed.close"];
  close.addEventListener("click", () => box.close());
  const bar = document.createElement("div");
  bar.append(heading, close);
  Object.assign(bar.style, { display: "flex", alignItems: "center", justifyContent: "space-between", gap: "8px", padding: "8px 12px" });
  Object.assign(heading.style, { margin: "0", font: "600 1rem/1.4 system-ui, sans-serif" });
  Object.assign(close.style, { font: "1rem system-ui, sans-serif", minHeight: "44px", padding: "0 16px", cursor: "pointer" });
  Object.assign(box.style, { width: "min(720px, 100vw - 16px)", maxWidth: "none", maxHeight: "calc(100vh - 16px)", padding: "0", border: "0", borderRadius: "12px", overflow: "auto", background: "#fff", color: "#111" });
  box.setAttribute("aria-labelledby", heading.id);
  box.append(bar, frame.iframe);
  const made: Popup = { box, frame, close, opener: null };
  box.addEventListener("close", () => {
    box.remove();
    frames.splice(frames.indexOf(frame), 1);
    // The close event comes a task after the dialog closed: a pop-up opened meanwhile keeps the focus, but the
    // host still hears that this one closed.
    if (dialog === box) {
      dialog = undefined;
      made.opener?.focus();
    }
    const closed: ClosedMessage = { type: HOST_EVENTS.closed, offering, booked: frame.booked };
    window.postMessage(closed, location.origin);
    publish(closed);
  });
  document.body.append(box);
  return made;
}

function popupButton(button: HTMLElement): void {
  if (button.dataset["livelineReady"]) return;
  button.dataset["livelineReady"] = "true";
  button.addEventListener("click", (event) => {
    event.preventDefault();
    popup(button.dataset["livelinePopup"] ?? "", prefillOf(button.dataset, location.href), button, languageFor(button));
  });
}

// --- Concierge --------------------------------------------------------------------------------------

/** The details, to a concierge frame that said it is ready (only ever to the Liveline site's origin). */
function sendDetails(frame: Frame): void {
  if (!frame.ready || !frame.details) return;
  const message: DetailsMessage = { type: DETAILS_MESSAGE, details: frame.details };
  frame.iframe.contentWindow?.postMessage(message, site);
  frame.details = undefined;
}

/**
 * Liveline.attach: once the visitor starts on the form, a concierge pop-up loads unseen; on the form's submit
 * (which goes on as before) it gets the details, records the contact request and opens on the routed times.
 */
function attach(form: HTMLFormElement, options: ConciergeOptions): void {
  let ready: Popup | undefined;
  const prepare = () => {
    if (!ready || !ready.box.isConnected) ready = makePopup(options.offering, "concierge", {}, languageFor(form));
    return ready;
  };
  form.addEventListener("focusin", prepare);
  form.addEventListener("submit", () => {
    const controlValue = (name: string) => {
      const control = form.elements.namedItem(name);
      return control && "value" in control ? String(control.value) : undefined;
    };
    const details = conciergeDetails(controlValue, options);
    if (!details) return;
    const made = prepare();
    ready = undefined;
    made.frame.details = details;
    sendDetails(made.frame);
    show(made, document.activeElement instanceof HTMLElement ? document.activeElement : null);
  });
}

/** Finds the snippet's elements (again after the page added some). */
function scan(): void {
  for (const element of document.querySelectorAll<HTMLElement>("[data-liveline]")) inline(element);
  for (const button of document.querySelectorAll<HTMLElement>("[data-liveline-popup]")) popupButton(button);
}

const api = { attach, scan, open: (offering: string, prefill: Prefill = {}) => popup(offering, prefill, document.activeElement as HTMLElement | null, languageFor(undefined)) };
Object.assign(window, { Liveline: api });
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", scan);
else scan();
document.dispatchEvent(new CustomEvent("liveline:ready"));
