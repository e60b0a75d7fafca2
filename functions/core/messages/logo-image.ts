// Core: an uploaded brand logo, judged before it is stored — its real type read from its first bytes (never
// the sender's word alone), its size, and the site path it is stored at, named by its content so a new logo
// never replaces the file that e-mails already sent point to.

import { createHash } from "node:crypto";

/** What pages and every mail client show: PNG, JPEG, GIF and WebP. No SVG: mail clients hide it and it may carry script. */
export const LOGO_TYPES = {
  "image/png": "png",
  "image/jpeg": "jpg",
  "image/gif": "gif",
  "image/webp": "webp",
} as const;

export type LogoType = keyof typeof LOGO_TYPES;

/** A logo is a small picture at the top of a page and an e-mail; 256 KB is generous for one. */
export const LOGO_MAX_BYTES = 256 * 1024;

/** The site folder uploaded logos live in (the stack keeps it when it deploys the pages). */
export const LOGO_FOLDER = "brand/uploads";

export type LogoProblem =
  | { code: "empty"; message: string }
  | { code: "too_large"; message: string }
  | { code: "unsupported_type"; message: string }
  | { code: "type_mismatch"; message: string };

export interface AcceptedLogo {
  contentType: LogoType;
  /** The site path the logo is served at, e.g. brand/uploads/logo-3f2a….png (config `company.brand.logo`). */
  path: string;
}

/** The type the bytes themselves say, by their signature; undefined for anything else. */
export function sniffLogoType(bytes: Uint8Array): LogoType | undefined {
  const starts = (...signature: number[]) => signature.every((byte, index) => bytes[index] === byte);
  if (starts(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a)) return "image/png";
  if (starts(0xff, 0xd8, 0xff)) return "image/jpeg";
  if (starts(0x47, 0x49, 0x46, 0x38) && (bytes[4] === 0x37 || bytes[4] === 0x39) && bytes[5] === 0x61) return "image/gif";
  if (starts(0x52, 0x49, 0x46, 0x46) && bytes[8] === 0x57 && bytes[9] === 0x45 && bytes[10] === 0x42 && bytes[11] === 0x50) return "image/webp";
  return undefined;
}

/** The logo as it will be stored, or the one problem that refuses it. */
export function judgeLogo(bytes: Uint8Array, declaredType: string): AcceptedLogo | LogoProblem {
  if (bytes.length === 0) return { code: "empty", message: "is empty: choose an image file" };
  if (bytes.length > LOGO_MAX_BYTES) {
    return { code: "too_large", message: `is ${Math.ceil(bytes.length / 1024)} KB; a logo may be at most ${LOGO_MAX_BYTES / 1024} KB` };
  }
  const actual = sniffLogoType(bytes);
  if (actual === undefined) return { code: "unsupported_type", message: "must be a PNG, JPEG, GIF or WebP image (SVG is not shown by mail clients)" };
  if (actual !== declaredType.toLowerCase()) return { code: "type_mismatch", message: `is a ${actual} image, not ${declaredType}` };
  const digest = createHash("sha256").update(bytes).digest("hex").slice(0, 20);
  return { contentType: actual, path: `${LOGO_FOLDER}/logo-${digest}.${LOGO_TYPES[actual]}` };
}

export function isLogoProblem(result: AcceptedLogo | LogoProblem): result is LogoProblem {
  return "code" in result;
}
