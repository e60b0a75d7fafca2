// Local runtime: which file of web/ a page address names, by the rule CloudFront applies in AWS
// (infra/lib/page-address.ts): "/" is index.html, "/webinars" is webinars.html.
import { pageAddress } from "../lib/page-address";

/** The file (relative to the web folder) for a URL path; undefined when the path cannot be decoded. */
export function staticFileFor(urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  return pageAddress(`/${decoded.replace(/^\/+/, "")}`).slice(1);
}
