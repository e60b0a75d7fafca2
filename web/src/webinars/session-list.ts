// Web: draws the upcoming webinar sessions (webinars page, step 1) as real <button>s carrying
// data-session, each with its day, time, title and seats left; the chosen one is aria-pressed.

import type { WebinarSession } from "../api/api-types";
import { text } from "../shared/page-text";
import "../page-text/webinars";
import { availability, seatsText, sessionWhen } from "./webinar-sessions";

export function renderSessions(list: HTMLElement, sessions: readonly WebinarSession[], chosenId: string | undefined, locale: string): void {
  if (sessions.length === 0) {
    const empty = document.createElement("li");
    empty.className = "slots-empty";
    empty.textContent = text("webinars.none");
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(...sessions.map((session) => sessionItem(session, session.id === chosenId, locale)));
}

function sessionItem(session: WebinarSession, chosen: boolean, locale: string): HTMLLIElement {
  const item = document.createElement("li");
  const button = document.createElement("button");
  button.type = "button";
  button.className = "session-option";
  button.dataset["session"] = session.id;
  const state = availability(session);
  button.dataset["availability"] = state;
  button.setAttribute("aria-pressed", String(chosen));
  // A session past its cut-off is listed, so the schedule is whole, but cannot be chosen.
  button.disabled = state === "closed";
  const { day, time } = sessionWhen(session, locale);
  button.append(
    span("session-day", day),
    span("session-time", time),
    span("session-title", session.title),
    span("session-seats", seatsText(session)),
  );
  item.append(button);
  return item;
}

function span(className: string, text: string): HTMLSpanElement {
  const element = document.createElement("span");
  element.className = className;
  element.textContent = text;
  return element;
}

/** Marks `chosenId` as the pressed one without redrawing (keeps focus where it is). */
export function markChosen(list: HTMLElement, chosenId: string | undefined): void {
  for (const button of list.querySelectorAll<HTMLButtonElement>("button.session-option")) {
    button.setAttribute("aria-pressed", String(button.dataset["session"] === chosenId));
  }
}
