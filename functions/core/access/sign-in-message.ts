// Core: the sign-in e-mail — one button to the console's sign-in page, whose link carries the one-time
// token in the fragment (never sent to a server, never in a Referer or an access log) — in the rep's language.

import type { CompanyIdentity } from "../messages/brand";
import { formatUtcDateTime } from "../calendar/icalendar";
import { composePlainEmail, hello, type PlainEmail } from "../messages/message-parts";
import type { MailAddress } from "../messages/mime-message";
import { type Language, messagesIn } from "../messages/catalogue";
import { SIGN_IN_WORDS } from "../messages/catalogues/sign-in";
import { SIGN_IN_LINK_MINUTES } from "./sign-in";

const message = messagesIn(SIGN_IN_WORDS);

export interface SignInMailInput {
  now: Date;
  company: CompanyIdentity;
  sender: MailAddress;
  rep: { name: string; email: string; language?: Language };
  signInUrl: string;
}

/** The page that consumes the token, with the token in the fragment. */
export function signInUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/sign-in#token=${encodeURIComponent(token)}`;
}

export function composeSignInEmail(input: SignInMailInput): PlainEmail {
  const language = input.rep.language ?? "en";
  const company = input.company.name;
  return composePlainEmail(
    { now: input.now, sender: input.sender },
    {
      id: { kind: "sign-in", about: formatUtcDateTime(input.now) },
      to: { name: input.rep.name, email: input.rep.email },
      subject: message(language, "rep.signIn.subject", { company }),
      paragraphs: [
        hello(input.rep.name, language),
        [{ text: message(language, "rep.signIn.body", { company, minutes: SIGN_IN_LINK_MINUTES }) }],
        [{ label: message(language, "rep.signIn.button"), text: input.signInUrl, href: input.signInUrl, prominent: true }],
        [{ text: message(language, "rep.signIn.ignore") }],
      ],
    },
  );
}
