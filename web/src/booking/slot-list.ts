// Web: draws the free slots (step 2): the day picker, then the selected day's times grouped by part of day
// as real <button>s carrying data-start, and locks them while a booking is on its way.

import { DAY_PANEL_ID, dayTabList, markSelectedDay } from "./day-tabs";
import { text, type PageTextKey } from "../shared/page-text";
import "../page-text/slots";
import { groupByPartOfDay, type PartOfDay, type SlotChoice, type SlotDay } from "./slot-groups";

/** A part of the day as the page's language names it. */
const PART_OF_DAY_TEXT: Record<PartOfDay, PageTextKey> = { Morning: "slots.morning", Afternoon: "slots.afternoon", Evening: "slots.evening" };

/** Replaces the list's content with the days and the times of `selected`; a friendly note when there are none. */
export function renderSlotDays(list: HTMLElement, days: readonly SlotDay[], selected: SlotDay | undefined, emptyText: string): void {
  if (days.length === 0 || !selected) {
    const empty = document.createElement("p");
    empty.className = "slots-empty";
    empty.textContent = emptyText;
    list.replaceChildren(empty);
    return;
  }
  list.replaceChildren(dayTabList(days, selected.date), daySection(selected));
}

/** Shows another day's times under the same day picker. */
export function showDay(list: HTMLElement, day: SlotDay): void {
  markSelectedDay(list, day.date);
  list.querySelector(".slot-day")?.replaceWith(daySection(day));
}

function daySection(day: SlotDay): HTMLElement {
  const section = document.createElement("section");
  section.className = "slot-day";
  section.id = DAY_PANEL_ID;
  section.setAttribute("role", "tabpanel");
  const headingId = `day-${day.date}`;
  section.setAttribute("aria-labelledby", headingId);
  const heading = document.createElement("h3");
  heading.id = headingId;
  heading.textContent = day.label;
  section.append(heading);
  for (const { part, slots } of groupByPartOfDay(day.slots)) {
    const subheading = document.createElement("h4");
    subheading.className = "slot-part";
    subheading.textContent = text(PART_OF_DAY_TEXT[part]);
    section.append(subheading, slotGrid(slots, day.label));
  }
  return section;
}

function slotGrid(slots: readonly SlotChoice[], dayName: string): HTMLElement {
  const grid = document.createElement("ul");
  grid.className = "slot-grid";
  for (const slot of slots) {
    const item = document.createElement("li");
    const button = document.createElement("button");
    button.type = "button";
    button.className = "slot";
    button.dataset["start"] = slot.start;
    button.textContent = slot.timeLabel;
    // Tabbing through buttons skips headings; the name carries the day so each button stands alone.
    button.setAttribute("aria-label", `${slot.timeLabel}, ${dayName}`);
    item.append(button);
    grid.append(item);
  }
  return grid;
}

/** While booking: every slot button is disabled and the chosen one shows that it is being booked. */
export function setSlotsBusy(list: HTMLElement, busyStart: string | undefined): void {
  list.setAttribute("aria-busy", busyStart === undefined ? "false" : "true");
  for (const button of list.querySelectorAll<HTMLButtonElement>("button.slot")) {
    button.disabled = busyStart !== undefined;
    button.classList.toggle("slot--pending", button.dataset["start"] === busyStart);
  }
}
