// Web, page text of the console's brand page: German (formal "Sie"). The keys and placeholders of ./en.ts.

import type { BrandCatalogue } from "./en";

export const de: BrandCatalogue = {
  "brand.title": "Marke – Liveline-Konsole",
  "brand.heading": "Marke",
  "brand.noscript": "Die Markenseite benötigt JavaScript.",
  "brand.intro": "Das Erscheinungsbild Ihres Unternehmens auf jeder Seite für Interessenten, in der Einbettung und in jeder E-Mail.",
  "brand.version": "Einstellungen, Version {version}",
  "brand.company": "Firmenname",
  "brand.color": "Hauptfarbe",
  "brand.colorHint": "Schaltflächen und Links erhalten diese Farbe mit weißer Schrift darauf; sie braucht daher einen Kontrast von 4,5:1 (WCAG AA).",
  "brand.font": "Schriftenliste (optional)",
  "brand.fontHint": 'Eine CSS-Schriftenliste wie "Inter", system-ui, sans-serif. Es wird keine Webschrift geladen.',
  "brand.save": "Marke speichern",
  "brand.saved": "Marke gespeichert.",
  "brand.logoHeading": "Logo",
  "brand.logoNone": "Noch kein Logo.",
  "brand.logoAlt": "Das aktuelle Logo",
  "brand.logoFile": "Logobild",
  "brand.logoHint": "PNG, JPEG, GIF oder WebP, höchstens 256 KB. PNG zeigt jedes E-Mail-Programm an.",
  "brand.upload": "Logo hochladen",
  "brand.uploaded": "Logo hochgeladen: Seiten und E-Mails zeigen es innerhalb einer Minute.",
  "brand.noFile": "Bitte wählen Sie zuerst eine Bilddatei.",
  "brand.stale": "Inzwischen hat jemand die Einstellungen gespeichert (jetzt Version {version}). Diese Version wird angezeigt: Bitte nehmen Sie Ihre Änderung erneut vor.",
  "brand.fixFields": "Bitte korrigieren Sie die markierten Felder.",
  "brand.managersOnly": "Nur Manager können die Marke ändern.",
  "brand.nav": "Marke",
};
