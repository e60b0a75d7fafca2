// Core, message catalogue area "sign-in": Spanish ("usted"). The keys and placeholders of en.ts.

import type { SignInWords } from "./en";

export const es: SignInWords = {
  "rep.signIn.subject": "Su enlace de acceso a la consola de {company}",
  "rep.signIn.body": "Abra este enlace para entrar en la consola de {company}. Funciona una vez, durante {minutes} minutos.",
  "rep.signIn.button": "Entrar",
  "rep.signIn.ignore": "Si no lo ha pedido, ignore este correo: nadie puede entrar sin abrir el enlace.",
};
