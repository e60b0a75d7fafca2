// Core, message catalogue area "sign-in": French ("vous"). The keys and placeholders of en.ts.

import type { SignInWords } from "./en";

export const fr: SignInWords = {
  "rep.signIn.subject": "Votre lien de connexion à la console {company}",
  "rep.signIn.body": "Ouvrez ce lien pour vous connecter à la console {company}. Il fonctionne une fois, dans les {minutes} minutes.",
  "rep.signIn.button": "Se connecter",
  "rep.signIn.ignore": "Si vous ne l’avez pas demandé, ignorez cet e-mail : personne ne peut se connecter sans ouvrir le lien.",
};
