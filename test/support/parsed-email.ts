// Test support: a composed message parsed back with a real MIME parser (postal-mime), with its MIME tree,
// and the small readers the message tests share.
import PostalMime from "postal-mime";
import type { Email } from "postal-mime";

export interface PartNode {
  contentType: { parsed: { value: string; params: Record<string, string> } };
  childNodes: PartNode[];
}

export interface ParsedEmail {
  email: Email;
  root: PartNode;
  text: string;
  html: string;
}

export async function parseEmail(raw: string): Promise<ParsedEmail> {
  const parser = new PostalMime();
  const email = await parser.parse(raw);
  // postal-mime keeps the MIME tree on the parser, not on the result.
  const root = (parser as unknown as { root: PartNode }).root;
  return { email, root, text: email.text ?? "", html: email.html ?? "" };
}

export function header(email: Email, key: string): string | undefined {
  return email.headers.find((h) => h.key === key)?.value;
}

/** Every href of the HTML body, in order. */
export function hrefs(html: string): string[] {
  return [...html.matchAll(/<a href="([^"]*)"/g)].map((match) => match[1]!.replace(/&amp;/g, "&"));
}
