// Adapter (local): the site files port on a folder — `npm start` serves it beside web/dist, so an uploaded
// logo is at the same address as in AWS.

import { mkdir, writeFile } from "node:fs/promises";
import { dirname, join, normalize, sep } from "node:path";
import type { SiteFiles } from "../../ports/site-files";

export class FolderSiteFiles implements SiteFiles {
  constructor(private readonly folder: string) {}

  async put(path: string, bytes: Uint8Array): Promise<void> {
    const file = normalize(join(this.folder, path));
    if (!file.startsWith(normalize(this.folder) + sep)) throw new Error(`site file path ${path} leaves the folder`);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, bytes);
  }
}
