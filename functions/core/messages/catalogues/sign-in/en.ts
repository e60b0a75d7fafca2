// Core, message catalogue area "sign-in", in English: the source language. Every other language's file has exactly
// these keys and, in each message, exactly these {placeholders} (test/core/messages/catalogues.test.ts checks both).

export const en = {
  // A rep's sign-in link
  "rep.signIn.subject": "Your {company} console sign-in link",
  "rep.signIn.body": "Open this link to sign in to the {company} console. It works once, within {minutes} minutes.",
  "rep.signIn.button": "Sign in",
  "rep.signIn.ignore": "If you did not ask for it, ignore this e-mail: nobody can sign in without opening the link.",
} as const;

/** A language's words of this area: every key of the English source, each a template with the same placeholders. */
export type SignInWords = { readonly [Key in keyof typeof en]: string };
