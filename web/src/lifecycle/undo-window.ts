// Web: the 10-second undo of a logged outcome (outcome page). The outcome is sent when the window closes —
// or at once when the page is hidden or left — so an undone outcome never reaches the lead's history, the
// follow-up timers, the insights or a CRM: nothing has to be taken back from them.

export const UNDO_SECONDS = 10;

export interface UndoTimers {
  setInterval(run: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

export interface UndoWindowOptions {
  /** Called with the seconds left: 10, 9, … 1. */
  onTick: (secondsLeft: number) => void;
  /** Sends the outcome. Called once, unless undone first. */
  commit: () => void;
  seconds?: number;
  timers?: UndoTimers;
}

export interface UndoWindow {
  /** Takes the outcome back; false once it was sent. */
  undo(): boolean;
  /** Sends it now (the page is being hidden or left); does nothing after an undo or a send. */
  flush(): void;
  readonly state: "open" | "undone" | "sent";
}

export function openUndoWindow(options: UndoWindowOptions): UndoWindow {
  const timers: UndoTimers = options.timers ?? { setInterval: (run, ms) => window.setInterval(run, ms), clearInterval: (handle) => window.clearInterval(handle as number) };
  let left = options.seconds ?? UNDO_SECONDS;
  let state: UndoWindow["state"] = "open";
  const close = (next: "undone" | "sent") => {
    timers.clearInterval(handle);
    state = next;
  };
  const send = () => {
    if (state !== "open") return;
    close("sent");
    options.commit();
  };
  const handle = timers.setInterval(() => {
    left -= 1;
    if (left <= 0) return send();
    options.onTick(left);
  }, 1000);
  options.onTick(left);
  return {
    undo: () => {
      if (state !== "open") return false;
      close("undone");
      return true;
    },
    flush: send,
    get state() {
      return state;
    },
  };
}
