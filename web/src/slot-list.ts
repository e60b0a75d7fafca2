// Web: draws the free slots as day sections of time buttons (real <button>s carrying data-start) and
// locks them while a booking is on its way.

import type { SlotDay } from "./slot-groups";

/** Replaces the list's content with `days`; a friendly note when there are none. */
export function renderSlotDays(list: HTMLElement, days: readonly SlotDay[]): void {
  if (days.length === 0) {
    const empty = document.createElement("p");
    empty.className = "slots-empty";
    empty.textContent =
      "There are no open times in the next 14 days. We have your request and will get in touch by e-mail to find a time that works.";
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(...days.map(daySection));
}

function daySection(day: SlotDay): HTMLElement {
  const section = document.createElement("section");
  section.className = "slot-day";
  const headingId = `day-${day.date}`;
  section.setAttribute("aria-labelledby", headingId);
  const heading = document.createElement("h3");
  heading.id = headingId;
  heading.textContent = day.label;
  const grid = document.createElement("ul");
  grid.className = "slot-grid";
  for (const slot of day.slots) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "slot";
    button.dataset["start"] = slot.start;
    button.textContent = slot.timeLabel;
    // Tabbing through buttons skips headings; the name carries the day so each button stands alone.
    button.setAttribute("aria-label", `${slot.timeLabel}, ${day.label}`);
    item.append(button);
    grid.append(item);
  }
  section.append(heading, grid);
  return section;
}

/** While booking: every slot button is disabled and the chosen one shows that it is being booked. */
export function setSlotsBusy(list: HTMLElement, busyStart: string | undefined): void {
  list.setAttribute("aria-busy", busyStart === undefined ? "false" : "true");
  for (const button of list.querySelectorAll<HTMLButtonElement>("button.slot")) {
    button.disabled = busyStart !== undefined;
    button.classList.toggle("slot--pending", button.dataset["start"] === busyStart);
  }
}
