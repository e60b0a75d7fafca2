// Web: the console's "call me now" part — the "Available for instant calls" switch (PUT /api/console/presence,
// sent again every 5 minutes as the heartbeat while the page is open and the switch is on), the queue polled
// every 5 s while it is on (so a request shows within 10 s, also in a background tab), and the alert for each
// new instant call: a short tone, a browser notification when allowed, and an assertive announcement.

import type { ApiResult, RequestOptions } from "../api/api-client";
import type { Presence, QueueItem } from "../api/console-types";
import { byId } from "../shared/page-dom";

const POLL_MS = 5_000;
const HEARTBEAT_MS = 5 * 60_000;

type Api = <T>(path: string, options?: RequestOptions) => Promise<ApiResult<T>>;

export interface InstantConsole {
  /** Alerts for instant calls in `items` that ring this rep and were not alerted yet. */
  notice(items: readonly QueueItem[], repId: string): void;
}

/** What the rep reads under the switch. */
export function presenceText(presence: Presence): string {
  if (!presence.available) return "Off: prospects are offered times to book, not a call now.";
  switch (presence.reason) {
    case "outside-hours":
      return "On, but you are outside your working hours: nobody is put through until they begin.";
    case "day-off":
      return "On, but today is a day off for you: nobody is put through.";
    case "in-demo":
      return "On, paused while your demo runs.";
    default:
      return "On: prospects can ask you to call them now. Keep this page open; a new request rings here.";
  }
}

/** The announcement for a new instant call. */
export function alertText(item: Pick<QueueItem, "lead">): string {
  const who = item.lead.company ? `${item.lead.name} (${item.lead.company})` : item.lead.name;
  return `Call me now: ${who} is waiting for your call. Claim it now, or it moves to the next rep.`;
}

export function startInstantConsole(api: Api, refreshQueue: () => Promise<void>, onProblem: (message: string) => void): InstantConsole {
  const toggle = byId<HTMLInputElement>("instant-toggle");
  const state = byId("instant-state");
  const alertLine = byId("instant-alert");
  const alerted = new Set<string>();
  let audio: AudioContext | undefined;
  let poll: number | undefined;
  let heartbeat: number | undefined;

  const show = (presence: Presence) => {
    toggle.checked = presence.available;
    state.textContent = presenceText(presence);
    if (presence.available) keepAlive();
    else stopKeepingAlive();
  };

  const keepAlive = () => {
    poll ??= window.setInterval(() => void refreshQueue(), POLL_MS);
    heartbeat ??= window.setInterval(() => void send(true, false), HEARTBEAT_MS);
  };
  const stopKeepingAlive = () => {
    if (poll !== undefined) window.clearInterval(poll);
    if (heartbeat !== undefined) window.clearInterval(heartbeat);
    poll = heartbeat = undefined;
  };

  async function send(available: boolean, fromClick: boolean): Promise<void> {
    if (fromClick) toggle.disabled = true;
    const result = await api<Presence>("/api/console/presence", { method: "PUT", body: { available } });
    toggle.disabled = false;
    if (!result.ok) {
      if (fromClick) {
        toggle.checked = !available;
        onProblem(result.error.message);
      }
      return;
    }
    show(result.data);
    if (fromClick) void refreshQueue();
  }

  toggle.addEventListener("change", () => {
    // Both need the rep's gesture: the tone's audio context and the notification permission prompt.
    if (toggle.checked) {
      audio ??= typeof AudioContext === "function" ? new AudioContext() : undefined;
      void audio?.resume().catch(() => undefined);
      if (typeof Notification === "function" && Notification.permission === "default") void Notification.requestPermission().catch(() => undefined);
    }
    void send(toggle.checked, true);
  });

  void (async () => {
    const result = await api<Presence>("/api/console/presence");
    if (result.ok) show(result.data);
  })();

  return {
    notice(items, repId) {
      for (const item of items) {
        if (item.kind !== "instant" || item.repId !== repId || item.instant?.claimedAt || alerted.has(`${item.id}|${item.instant?.ringUntil ?? ""}`)) continue;
        alerted.add(`${item.id}|${item.instant?.ringUntil ?? ""}`);
        const text = alertText(item);
        alertLine.textContent = "";
        window.setTimeout(() => (alertLine.textContent = text), 50);
        tone(audio);
        if (typeof Notification === "function" && Notification.permission === "granted") {
          try {
            new Notification("Call me now", { body: text, tag: item.id });
          } catch {
            // Some browsers allow notifications only from a service worker; the tone and the page still tell.
          }
        }
      }
    },
  };
}

/** Two short beeps. */
function tone(audio: AudioContext | undefined): void {
  if (!audio || audio.state !== "running") return;
  for (const at of [0, 0.3]) {
    const oscillator = audio.createOscillator();
    const gain = audio.createGain();
    oscillator.frequency.value = 880;
    gain.gain.setValueAtTime(0.2, audio.currentTime + at);
    gain.gain.exponentialRampToValueAtTime(0.001, audio.currentTime + at + 0.2);
    oscillator.connect(gain).connect(audio.destination);
    oscillator.start(audio.currentTime + at);
    oscillator.stop(audio.currentTime + at + 0.22);
  }
}
