// Core: the company's brand as pages and e-mails show it — the primary colour (buttons, the e-mail header;
// white text sits on it, so it must pass WCAG AA's 4.5:1 for normal text), a darker shade for hover, the
// logo's address and an optional font stack. Config refuses a colour that fails (brandColorProblem).

/** The pages' own accent (web/static/styles.css --accent): what a company without a brand colour gets. */
export const DEFAULT_PRIMARY_COLOR = "#4338ca";
/** WCAG 2.x AA for normal text. */
export const AA_CONTRAST = 4.5;

export interface Brand {
  /** "#rrggbb". */
  primaryColor: string;
  /** Absolute address of the logo (e-mails); pages use the site path it was made from. */
  logoUrl?: string;
  fontStack?: string;
}

/** Who the messages come from, as every e-mail's header and signature shows it. */
export interface CompanyIdentity {
  name: string;
  brand?: Brand;
}

const HEX_COLOR = /^#([0-9a-f]{6})$/i;

export function isHexColor(text: string): boolean {
  return HEX_COLOR.test(text);
}

/** WCAG relative luminance of "#rrggbb". */
export function relativeLuminance(color: string): number {
  const [r, g, b] = channels(color).map((channel) => {
    const value = channel / 255;
    return value <= 0.04045 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  }) as [number, number, number];
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

/** WCAG contrast ratio of two colours, 1 to 21. */
export function contrastRatio(a: string, b: string): number {
  const [light, dark] = [relativeLuminance(a), relativeLuminance(b)].sort((x, y) => y - x) as [number, number];
  return (light + 0.05) / (dark + 0.05);
}

/** Why a primary colour cannot carry white text (buttons, the e-mail header), or undefined when it can. */
export function brandColorProblem(color: string): string | undefined {
  if (!isHexColor(color)) return "must be a colour like #1a56db";
  const ratio = contrastRatio(color, "#ffffff");
  if (ratio >= AA_CONTRAST) return undefined;
  return `has a contrast of ${(Math.floor(ratio * 10) / 10).toFixed(1)}:1 with the white text on it; WCAG AA needs at least ${AA_CONTRAST}:1 — choose a darker colour`;
}

/** The colour 15% towards black: hover and pressed states. */
export function darkerShade(color: string): string {
  return `#${channels(color)
    .map((channel) => Math.round(channel * 0.85).toString(16).padStart(2, "0"))
    .join("")}`;
}

function channels(color: string): [number, number, number] {
  const hex = HEX_COLOR.exec(color)?.[1];
  if (!hex) throw new Error(`not a #rrggbb colour: ${color}`);
  return [0, 2, 4].map((at) => Number.parseInt(hex.slice(at, at + 2), 16)) as [number, number, number];
}
