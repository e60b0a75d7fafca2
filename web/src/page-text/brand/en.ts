// Web, page text of the console's brand page (/console/brand, managers): English, the source. Every other
// language's file has exactly these keys and placeholders.

export const en = {
  "brand.title": "Brand – Liveline console",
  "brand.heading": "Brand",
  "brand.noscript": "The brand page needs JavaScript.",
  "brand.intro": "Your company's look on every prospect page, the embed and every e-mail.",
  "brand.version": "Settings version {version}",
  "brand.company": "Company name",
  "brand.color": "Primary colour",
  "brand.colorHint": "Buttons and links take this colour with white text on it, so it must reach a contrast of 4.5:1 (WCAG AA).",
  "brand.font": "Font list (optional)",
  "brand.fontHint": 'A CSS font list such as "Inter", system-ui, sans-serif. No web font is downloaded.',
  "brand.save": "Save brand",
  "brand.saved": "Brand saved.",
  "brand.logoHeading": "Logo",
  "brand.logoNone": "No logo yet.",
  "brand.logoAlt": "The current logo",
  "brand.logoFile": "Logo image",
  "brand.logoHint": "PNG, JPEG, GIF or WebP, at most 256 KB. PNG shows in every mail client.",
  "brand.upload": "Upload logo",
  "brand.uploaded": "Logo uploaded: pages and e-mails show it within a minute.",
  "brand.noFile": "Choose an image file first.",
  "brand.stale": "Someone saved the settings meanwhile (now version {version}). Their version is shown: make your change again.",
  "brand.fixFields": "Please correct the marked fields.",
  "brand.managersOnly": "Only managers can change the brand.",
  "brand.nav": "Brand",
} as const;

export type BrandCatalogue = Record<keyof typeof en, string>;
