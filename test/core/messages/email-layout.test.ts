// Tests: the HTML part's layout (functions/core/messages/message-parts.ts renderHtml) — the company's header, its
// colour on buttons, its font, everything the config gives escaped.

import { describe, expect, it } from "vitest";
import { renderHtml } from "../../../functions/core/messages/message-parts";

const PARAGRAPHS = [[{ text: "Hello <Ada>" }], [{ label: "Pick a new time", text: "https://x.example/m#t=1", href: "https://x.example/m#t=1", button: true }]];

describe("renderHtml", () => {
  it("heads the message with the logo and the company's name, white on the brand colour, and colours the buttons", () => {
    const html = renderHtml(PARAGRAPHS, { name: "Acme & Co", brand: { primaryColor: "#0b57d0", logoUrl: "https://demo.acme.example/brand/logo.svg", fontStack: '"Inter", sans-serif' } });
    expect(html).toContain('<div class="ll-header" style="background:#0b57d0;color:#ffffff;');
    expect(html).toContain('<img src="https://demo.acme.example/brand/logo.svg" alt="" height="32"');
    expect(html).toContain(">Acme &amp; Co</div>");
    expect(html).toContain('<a href="https://x.example/m#t=1" class="ll-button" style="display:inline-block;padding:10px 18px;margin:4px 0;border-radius:6px;background:#0b57d0;color:#ffffff;');
    expect(html).toContain("font-family:&quot;Inter&quot;, sans-serif, -apple-system,");
    expect(html).toContain("Hello &lt;Ada&gt;");
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(html).toContain("max-width:600px");
  });

  it("uses the pages' own colour and no logo for a company without a brand, and no header without a company", () => {
    const branded = renderHtml(PARAGRAPHS, { name: "Acme" });
    expect(branded).toContain('class="ll-header" style="background:#4338ca;');
    expect(branded).not.toContain("<img");
    expect(renderHtml(PARAGRAPHS)).not.toContain("ll-header");
  });
});
