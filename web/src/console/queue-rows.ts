// Web: how a refreshed queue meets the rows on screen — rows stay (with a half-typed note and the focus
// inside them), gone ones leave, new ones are added, and the order is touched only when it changed.

export interface RowPlan {
  remove: string[];
  add: string[];
  /** The wanted order differs from the order of the rows that stay. */
  reorder: boolean;
}

export function planRows(shown: readonly string[], wanted: readonly string[]): RowPlan {
  const wantedSet = new Set(wanted);
  const shownSet = new Set(shown);
  const staying = shown.filter((id) => wantedSet.has(id));
  const add = wanted.filter((id) => !shownSet.has(id));
  // Removing the gone rows and appending the new ones gives the wanted order, or the list is laid out again.
  const reorder = ![...staying, ...add].every((id, index) => wanted[index] === id);
  return { remove: shown.filter((id) => !wantedSet.has(id)), add, reorder };
}
