// Core, message catalogue area "sign-in": German (formal "Sie"). The keys and placeholders of en.ts.

import type { SignInWords } from "./en";

export const de: SignInWords = {
  "rep.signIn.subject": "Ihr Anmeldelink für die {company}-Konsole",
  "rep.signIn.body": "Öffnen Sie diesen Link, um sich bei der {company}-Konsole anzumelden. Er funktioniert einmal, innerhalb von {minutes} Minuten.",
  "rep.signIn.button": "Anmelden",
  "rep.signIn.ignore": "Wenn Sie ihn nicht angefordert haben, ignorieren Sie diese E-Mail: Ohne den Link kann sich niemand anmelden.",
};
