// Web: the day picker with the chosen day's time buttons as one control — draws the slots, keeps the
// chosen day across refreshes, handles clicks and the arrow keys, and hands a picked time to its page.
// The booking page (step 2) and the manage page ("Pick a new time") each own one.

import type { Slot } from "../api/api-types";
import { dayIndexAfterKey, findDayTab } from "./day-tabs";
import { chooseDay, groupSlotsByDay, type SlotDay } from "./slot-groups";
import { renderSlotDays, showDay } from "./slot-list";

export interface SlotPickerOptions {
  locale: string;
  /** A time button was pressed: its start, ISO-8601 with the zone's offset. */
  onPick: (start: string) => void;
  /** While true (a booking or a move is on its way) days and times stay as they are. */
  isBusy: () => boolean;
  /** Shown instead of the picker when there are no times (each page its own words, in its language). */
  emptyText: string;
}

export interface SlotPicker {
  /** Draws `slots`; the day shown stays the same while it still has times. */
  show(slots: readonly Slot[]): { times: number; days: number };
}

export function slotPicker(list: HTMLElement, options: SlotPickerOptions): SlotPicker {
  let days: SlotDay[] = [];
  let selectedDate: string | undefined;

  function selectDay(date: string | undefined, moveFocus: boolean): void {
    const day = days.find((candidate) => candidate.date === date);
    if (!day || options.isBusy()) return;
    selectedDate = day.date;
    showDay(list, day);
    if (moveFocus) findDayTab(list, day.date)?.focus();
  }

  list.addEventListener("keydown", (event) => {
    const tab = (event.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    if (!tab) return;
    const dates = days.map((day) => day.date);
    const index = dayIndexAfterKey(event.key, dates.indexOf(tab.dataset["date"] ?? ""), dates.length);
    if (index === undefined) return;
    event.preventDefault();
    selectDay(dates[index], true);
  });

  list.addEventListener("click", (event) => {
    const tab = (event.target as Element | null)?.closest<HTMLElement>('[role="tab"]');
    if (tab) return selectDay(tab.dataset["date"], false);
    const button = (event.target as Element | null)?.closest<HTMLButtonElement>("button.slot");
    const start = button?.dataset["start"];
    if (button && !button.disabled && start && !options.isBusy()) options.onPick(start);
  });

  return {
    show(slots) {
      days = groupSlotsByDay(slots, options.locale);
      const selected = chooseDay(days, selectedDate);
      selectedDate = selected?.date;
      renderSlotDays(list, days, selected, options.emptyText);
      return { times: days.reduce((sum, day) => sum + day.slots.length, 0), days: days.length };
    },
  };
}
