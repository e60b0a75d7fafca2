// Use case: a manager uploads the company's logo — judged (core/messages/logo-image.ts), stored as a site
// file named by its content, then made the brand's logo by one versioned settings change (If-Match's
// version), so pages and e-mails show it within the settings cache time. A stale version stores the file but
// changes nothing: the file is unreferenced, and the next upload of the same image reuses its name.

import type { LivelineConfig } from "../../config/liveline-config";
import { InvalidFields } from "../../core/errors";
import { DEFAULT_PRIMARY_COLOR } from "../../core/messages/brand";
import { isLogoProblem, judgeLogo } from "../../core/messages/logo-image";
import type { UseCaseDependencies } from "../use-case-dependencies";
import type { SettingsInForce } from "./live-settings";
import { validSettings } from "./settings-validation";

export interface LogoUpload {
  /** The type the browser named for the file. */
  contentType: string;
  bytes: Uint8Array;
}

export async function saveBrandLogo(deps: UseCaseDependencies, upload: LogoUpload, basedOn: number, savedBy: string): Promise<SettingsInForce> {
  const logo = judgeLogo(upload.bytes, upload.contentType);
  if (isLogoProblem(logo)) throw new InvalidFields([{ field: logo.code === "type_mismatch" ? "contentType" : "data", message: logo.message }]);
  await deps.siteFiles.put(logo.path, upload.bytes, logo.contentType);
  return deps.settings.edit(basedOn, savedBy, (config) => withLogo(config, logo.path), validSettings);
}

function withLogo(config: LivelineConfig, path: string): LivelineConfig {
  const brand = config.company.brand ?? { primaryColor: DEFAULT_PRIMARY_COLOR };
  return { ...config, company: { ...config.company, brand: { ...brand, logo: path } } };
}
