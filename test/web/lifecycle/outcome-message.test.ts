// Tests: web/src/lifecycle/outcome-message — what a rep reads after a one-click outcome link.

import { describe, expect, it } from "vitest";
import { alreadyLoggedText, outcomeLabel, outcomeQuestion, outcomeRefusal, outcomeText, pendingText, undoneText } from "../../../web/src/lifecycle/outcome-message";
import { applyPageLanguage } from "../../../web/src/shared/page-text";

describe("outcomeText", () => {
  it("names the outcome and the lead, and when the next call attempt is due, saying whose zone is whose", () => {
    const dueText = "Tue, Dec 1, 12:00 PM Jane's time (America/New_York) · 6:00 PM yours";
    const logged = { outcome: "voicemail" as const, lead: { name: "Jane Doe" }, attempt: 1, next: { attempt: 2, dueAt: "2026-12-01T17:00:00.000Z", dueText } };
    expect(outcomeText(logged)).toEqual({
      result: "Logged: voicemail — Jane Doe.",
      detail: `Next call attempt (2) due ${dueText}.`,
    });
  });

  it("says when the lead is closed", () => {
    expect(outcomeText({ outcome: "converted", lead: { name: "Jane Doe" }, attempt: 1, closed: "converted" })).toEqual({
      result: "Logged: converted — Jane Doe.",
      detail: "Lead closed: converted.",
    });
    expect(outcomeText({ outcome: "no_answer", lead: { name: "Jo" }, attempt: 4, closed: "unreachable" }).detail).toBe(
      "Lead closed: unreachable (no call attempts left).",
    );
  });

  it("has nothing more to say for attendance", () => {
    expect(outcomeText({ outcome: "no_show", lead: { name: "Jane Doe" } })).toEqual({ result: "Logged: no-show — Jane Doe." });
  });
});

describe("outcomeLabel", () => {
  it("writes every outcome in words, even one it does not know yet", () => {
    expect(outcomeLabel("wants_another_demo")).toBe("wants another demo");
    expect(outcomeLabel("not_interested")).toBe("not interested");
    expect(outcomeLabel("left_the_company")).toBe("left the company");
  });
});

describe("before and after logging", () => {
  it("asks before logging: what, for whom, and that nothing is logged until the button", () => {
    expect(outcomeQuestion({ outcome: "converted", lead: { name: "Jane Doe" }, attempt: 1 })).toEqual({
      heading: "Log this outcome?",
      result: "Jane Doe (call attempt 1): converted. Nothing is logged until you press the button.",
      button: "Log “converted”",
    });
  });

  it("on a second visit says what was logged and when", () => {
    const view = { outcome: "converted" as const, lead: { name: "Jane Doe" }, attempt: 1, recorded: { outcome: "reached", at: "2026-12-01T17:40:00.000Z" } };
    expect(alreadyLoggedText(view, "en-US", "America/New_York")).toBe("Already logged: reached — Jane Doe, Tue, Dec 1, 12:40 PM. Nothing changed.");
    expect(alreadyLoggedText({ outcome: "converted", lead: { name: "Jane Doe" } })).toBeUndefined();
  });
});

describe("the undo window's words", () => {
  const view = { outcome: "voicemail" as const, lead: { name: "Jane Doe" }, attempt: 2 };
  it("say what will be logged for whom, in how many seconds, and that nothing is logged yet", () => {
    expect(pendingText(view, 7)).toEqual({ result: `${outcomeLabel("voicemail")} for Jane Doe will be logged in 7 s. Nothing is logged yet.`, undo: "Undo (7 s)" });
  });
  it("say that an undo logged nothing", () => {
    expect(undoneText(view)).toBe("Undone: nothing was logged for Jane Doe.");
  });
});

describe("in the rep's language (the link's ?lang=, else the browser's)", () => {
  /** A page's document as applyPageLanguage sees it, without a browser. */
  const bareDocument = () => ({ documentElement: { lang: "en" }, querySelectorAll: () => [] }) as unknown as Document;

  it("says it all in German: the question, the undo window, what was logged and what comes next", () => {
    try {
      applyPageLanguage("de", bareDocument());
      const view = { outcome: "no_answer" as const, lead: { name: "Jane Doe" }, attempt: 1 };
      expect(outcomeQuestion(view)).toEqual({
        heading: "Dieses Ergebnis erfassen?",
        result: "Jane Doe (Anrufversuch 1): keine Antwort. Erfasst wird erst, wenn Sie die Schaltfläche drücken.",
        button: "„keine Antwort“ erfassen",
      });
      expect(pendingText(view, 7)).toEqual({ result: "keine Antwort für Jane Doe wird in 7 s erfasst. Noch ist nichts erfasst.", undo: "Rückgängig (7 s)" });
      expect(undoneText(view)).toBe("Rückgängig gemacht: für Jane Doe wurde nichts erfasst.");
      expect(outcomeText({ ...view, closed: "unreachable" })).toEqual({ result: "Erfasst: keine Antwort — Jane Doe.", detail: "Lead geschlossen: nicht erreichbar (keine Anrufversuche mehr)." });
      expect(alreadyLoggedText({ ...view, recorded: { outcome: "reached", at: "2026-12-01T17:40:00.000Z" } }, "de-DE", "Europe/Berlin")).toMatch(/^Bereits erfasst: erreicht — Jane Doe, .+\. Nichts wurde geändert\.$/);
      applyPageLanguage("es", bareDocument());
      expect(outcomeLabel("wants_another_demo")).toBe("quiere otra demo");
    } finally {
      applyPageLanguage("en", bareDocument());
    }
    expect(outcomeLabel("wants_another_demo")).toBe("wants another demo");
  });
});

describe("outcomeRefusal", () => {
  const bareDocument = () => ({ documentElement: { lang: "en" }, querySelectorAll: () => [] }) as unknown as Document;
  it("says the follow-up was moved to another rep, or handed to the team's pool, in the rep's language", () => {
    expect(outcomeRefusal({ code: "call_back_moved", message: "This follow-up was moved to another rep, so nothing was logged: it is in their queue now." })).toEqual({
      heading: "Not logged",
      message: "This follow-up was moved to another rep, so nothing was logged. It is in their queue now.",
      tone: "problem",
    });
    expect(outcomeRefusal({ code: "call_back_in_pool", message: "…" })?.message).toMatch(/team's pool, so nothing was logged\. Take it from the queue in the console/);
    applyPageLanguage("de", bareDocument());
    expect(outcomeRefusal({ code: "call_back_moved", message: "…" })).toMatchObject({ heading: "Nicht erfasst", message: expect.stringMatching(/^Dieses Nachfassen wurde einer anderen Person im Team übergeben/) });
    applyPageLanguage("en", bareDocument());
  });

  it("leaves every other refusal to the link pages' words", () => {
    expect(outcomeRefusal({ code: "outcome_already_recorded", message: "Already logged." })).toBeUndefined();
    expect(outcomeRefusal({ code: "forbidden", message: "This link is not valid or has expired." })).toBeUndefined();
  });
});
