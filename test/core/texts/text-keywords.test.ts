// Tests: an inbound text's intent — the opt-out keywords (the six and AWS's), START/UNSTOP and HELP, whole message only, any case, trimmed.
import { describe, expect, it } from "vitest";
import { inboundIntent, STOP_KEYWORDS } from "../../../functions/core/texts/text-keywords";

describe("inboundIntent", () => {
  it.each(["STOP", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "OPTOUT", "OPT-OUT", "REMOVE", "ARRET", "TD"])("%s opts out, in any case and trimmed", (word) => {
    expect(STOP_KEYWORDS).toContain(word);
    expect(inboundIntent(word)).toBe("stop");
    expect(inboundIntent(`  ${word.toLowerCase()} \n`)).toBe("stop");
    expect(inboundIntent(`${word[0]}${word.slice(1).toLowerCase()}.`)).toBe("stop");
  });

  it.each(["Arrêt", "ARRÊT", "arrêt.", "opt out", "Opt  Out", "OPT OUT!", "revoke", "Revoke"])("%s opts out too: accents and spacing do not change the word", (text) => {
    expect(inboundIntent(text)).toBe("stop");
  });

  it.each(["START", "UNSTOP"])("%s opts back in, in any case and trimmed", (word) => {
    expect(inboundIntent(word)).toBe("start");
    expect(inboundIntent(` ${word.toLowerCase()}! `)).toBe("start");
  });

  it("HELP asks who is texting", () => {
    expect(inboundIntent(" help ")).toBe("help");
    expect(inboundIntent("Help!")).toBe("help");
  });

  it("anything else is a reply for the rep, even when it contains a keyword", () => {
    expect(inboundIntent("please stop calling me after 5")).toBe("reply");
    expect(inboundIntent("Can we do Thursday?")).toBe("reply");
    expect(inboundIntent("stopp")).toBe("reply");
    expect(inboundIntent("start over please")).toBe("reply");
    expect(inboundIntent("opt out of the webinar, not the demo")).toBe("reply");
    expect(inboundIntent("")).toBe("reply");
  });
});
