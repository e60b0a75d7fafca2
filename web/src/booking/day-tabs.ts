// Web: the day picker above the times (step 2): one button per day that has times, as a tablist. One Tab
// stop for the whole row; the arrow keys, Home and End move between days and show them at once.

import { pageLanguage, text } from "../shared/page-text";
import "../page-text/slots";
import type { SlotDay } from "./slot-groups";

/** "1 time", "9 times": under each day in the picker. */
export function timesCount(count: number): string {
  return text(new Intl.PluralRules(pageLanguage()).select(count) === "one" ? "slots.count.one" : "slots.count.other", { count });
}

/** The id of the panel that shows the selected day's times (slot-list draws it). */
export const DAY_PANEL_ID = "slot-day-panel";

export function dayTabList(days: readonly SlotDay[], selected: string): HTMLElement {
  const list = document.createElement("div");
  list.className = "day-tabs";
  list.setAttribute("role", "tablist");
  list.setAttribute("aria-label", text("slots.days"));
  list.append(...days.map((day) => dayTab(day, day.date === selected)));
  return list;
}

function dayTab(day: SlotDay, selected: boolean): HTMLButtonElement {
  const tab = document.createElement("button");
  tab.type = "button";
  tab.className = "day-tab";
  tab.id = `day-tab-${day.date}`;
  tab.dataset["date"] = day.date;
  tab.setAttribute("role", "tab");
  tab.setAttribute("aria-controls", DAY_PANEL_ID);
  const date = document.createElement("span");
  date.className = "day-tab-date";
  date.textContent = day.shortLabel;
  // The two lines would run together when read ("Dec 19 times"): a hidden comma parts them. The name is the
  // visible text itself, so people who speak to their device can say what they see (WCAG 2.5.3).
  const pause = document.createElement("span");
  pause.className = "visually-hidden";
  pause.textContent = ", ";
  const count = document.createElement("span");
  count.className = "day-tab-count";
  count.textContent = timesCount(day.slots.length);
  tab.append(date, pause, count);
  markTab(tab, selected);
  return tab;
}

/** Selected tab: aria-selected and the row's only Tab stop (roving tabindex). */
function markTab(tab: HTMLElement, selected: boolean): void {
  tab.setAttribute("aria-selected", String(selected));
  tab.tabIndex = selected ? 0 : -1;
}

export function markSelectedDay(container: HTMLElement, date: string): void {
  for (const tab of container.querySelectorAll<HTMLElement>('[role="tab"]')) markTab(tab, tab.dataset["date"] === date);
}

export function findDayTab(container: HTMLElement, date: string): HTMLElement | null {
  return container.querySelector<HTMLElement>(`#day-tab-${date}`);
}

/**
 * Where a key moves the selection in a row of `count` days (wrapping round), or undefined when the key
 * is not ours. Up and Down stay with the page: the row is horizontal, even when it wraps.
 */
export function dayIndexAfterKey(key: string, index: number, count: number): number | undefined {
  if (count === 0 || index < 0) return undefined;
  switch (key) {
    case "ArrowRight":
      return (index + 1) % count;
    case "ArrowLeft":
      return (index - 1 + count) % count;
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return undefined;
  }
}
