// Core: the sign-in e-mail — one button to the console's sign-in page, whose link carries the one-time
// token in the fragment (never sent to a server, never in a Referer or an access log).

import type { CompanyIdentity } from "./brand";
import { formatUtcDateTime } from "./icalendar";
import { composePlainEmail, hello, type PlainEmail } from "./message-parts";
import type { MailAddress } from "./mime-message";
import { SIGN_IN_LINK_MINUTES } from "./sign-in";

export interface SignInMailInput {
  now: Date;
  company: CompanyIdentity;
  sender: MailAddress;
  rep: { name: string; email: string };
  signInUrl: string;
}

/** The page that consumes the token, with the token in the fragment. */
export function signInUrl(publicUrl: string, token: string): string {
  return `${publicUrl.replace(/\/+$/, "")}/sign-in#token=${encodeURIComponent(token)}`;
}

export function composeSignInEmail(input: SignInMailInput): PlainEmail {
  return composePlainEmail(
    { now: input.now, sender: input.sender },
    {
      id: { kind: "sign-in", about: formatUtcDateTime(input.now) },
      to: { name: input.rep.name, email: input.rep.email },
      subject: `Your ${input.company.name} console sign-in link`,
      paragraphs: [
        hello(input.rep.name),
        [{ text: `Open this link to sign in to the ${input.company.name} console. It works once, within ${SIGN_IN_LINK_MINUTES} minutes.` }],
        [{ label: "Sign in", text: input.signInUrl, href: input.signInUrl, prominent: true }],
        [{ text: "If you did not ask for it, ignore this e-mail: nobody can sign in without opening the link." }],
      ],
    },
  );
}
