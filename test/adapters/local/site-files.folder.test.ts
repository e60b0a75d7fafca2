// The local stand-in for the site bucket: the folder `npm start` serves, which keeps a path inside itself.
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { FolderSiteFiles } from "../../../functions/adapters/local/site-files.folder";

const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);

describe("FolderSiteFiles", () => {
  it("writes the file under its site path, and refuses a path that leaves the folder", async () => {
    const folder = mkdtempSync(join(tmpdir(), "liveline-site-files-"));
    const files = new FolderSiteFiles(folder);
    await files.put("brand/uploads/logo-0123.png", bytes);
    expect(new Uint8Array(readFileSync(join(folder, "brand/uploads/logo-0123.png")))).toEqual(bytes);
    await expect(files.put("../outside.png", bytes)).rejects.toThrow(/leaves the folder/);
  });
});
