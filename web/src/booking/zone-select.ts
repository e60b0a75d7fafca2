// Web: fills a time-zone <select> (the booking form's, the manage page's "Show times in") with every zone
// the browser knows, grouped by region, and selects one.

import { availableTimeZones, timeZoneGroups } from "./time-zone-options";

/** `selected` is always offered (even if the browser's list lacks it), as is each of `alsoOffer`. */
export function fillZoneSelect(select: HTMLSelectElement, selected: string, alsoOffer: readonly string[] = []): void {
  const groups = timeZoneGroups([...availableTimeZones(), ...alsoOffer], selected);
  select.replaceChildren(
    ...groups.map((group) => {
      const optgroup = document.createElement("optgroup");
      optgroup.label = group.label;
      optgroup.append(...group.options.map((option) => new Option(option.label, option.value)));
      return optgroup;
    }),
  );
  select.value = selected;
}
