// Web, page text of the console's brand page: French ("vous"). The keys and placeholders of ./en.ts.

import type { BrandCatalogue } from "./en";

export const fr: BrandCatalogue = {
  "brand.title": "Marque – console Liveline",
  "brand.heading": "Marque",
  "brand.noscript": "La page de marque nécessite JavaScript.",
  "brand.intro": "L'apparence de votre entreprise sur chaque page destinée aux prospects, dans l'intégration et dans chaque e-mail.",
  "brand.version": "Paramètres, version {version}",
  "brand.company": "Nom de l'entreprise",
  "brand.color": "Couleur principale",
  "brand.colorHint": "Les boutons et les liens prennent cette couleur avec un texte blanc : elle doit atteindre un contraste de 4,5:1 (WCAG AA).",
  "brand.font": "Liste de polices (facultatif)",
  "brand.fontHint": "Une liste de polices CSS comme \"Inter\", system-ui, sans-serif. Aucune police web n'est téléchargée.",
  "brand.save": "Enregistrer la marque",
  "brand.saved": "Marque enregistrée.",
  "brand.logoHeading": "Logo",
  "brand.logoNone": "Pas encore de logo.",
  "brand.logoAlt": "Le logo actuel",
  "brand.logoFile": "Image du logo",
  "brand.logoHint": "PNG, JPEG, GIF ou WebP, 256 Ko au plus. Le PNG s'affiche dans toutes les messageries.",
  "brand.upload": "Téléverser le logo",
  "brand.uploaded": "Logo téléversé : les pages et les e-mails l'affichent d'ici une minute.",
  "brand.noFile": "Choisissez d'abord un fichier image.",
  "brand.stale": "Quelqu'un a enregistré les paramètres entre-temps (version {version} désormais). Sa version est affichée : refaites votre modification.",
  "brand.fixFields": "Veuillez corriger les champs signalés.",
  "brand.managersOnly": "Seuls les managers peuvent modifier la marque.",
  "brand.nav": "Marque",
};
