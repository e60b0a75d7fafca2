// Use case part: the outbox performs a text — the one place a text leaves, so every rule is kept here:
// texting must be on, the number not opted out, a reminder not past its deadline, and (but for the answer
// to a HELP or START they just sent) not in the recipient's quiet hours — then it is deferred (not a failure,
// no attempt counted) to 08:00 theirs, or skipped when that is past its deadline.
// Once sent, the number remembers the lead, so a reply finds its history.

import { inQuietHours, nextTextingTime } from "../../core/texts/quiet-hours";
import type { OutboxResult, OutboxText } from "../../ports/outbox";
import type { UseCaseDependencies } from "../use-case-dependencies";

export async function sendText(deps: UseCaseDependencies, text: OutboxText, now: Date): Promise<OutboxResult> {
  if (!deps.texts.enabled) return { status: "skipped", reason: "texts-off" };
  const number = await deps.texts.numbers.get(text.to);
  if (number.optedOutAt) return { status: "skipped", reason: "opted-out" };
  const at = now.getTime();
  if (text.notAfter !== undefined && at > text.notAfter) return { status: "skipped", reason: "too-late" };
  if (text.category !== "help" && inQuietHours(at, text.timeZone)) {
    const next = nextTextingTime(at, text.timeZone);
    if (text.notAfter !== undefined && next > text.notAfter) return { status: "skipped", reason: "quiet-hours" };
    deps.log("info", "text waits for the end of quiet hours", { key: text.key, until: new Date(next).toISOString() });
    return { status: "deferred", reason: "quiet-hours", until: new Date(next) };
  }
  const { messageId } = await deps.texts.sender.send({ to: text.to, body: text.body });
  if (text.logAs) await deps.texts.numbers.noteTexted(text.to, text.logAs.leadId, now.toISOString());
  deps.log("info", "text sent", { category: text.category });
  return { status: "done", messageId };
}
