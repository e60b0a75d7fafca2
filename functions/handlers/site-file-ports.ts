// Handlers: the site files port (an uploaded brand logo), wired only by the workspace API — the one function
// that stores them — so no other bundle carries the S3 client: the site bucket in AWS (SITE_BUCKET, the S3
// client loaded on the first upload), the folder `npm start` serves locally (LIVELINE_SITE_UPLOADS_DIR).

import { FolderSiteFiles } from "../adapters/local/site-files.folder";
import type { RuntimeSettings } from "../config/runtime-settings";
import type { SiteFiles } from "../ports/site-files";

export function siteFilePorts(settings: RuntimeSettings): SiteFiles {
  if (settings.SITE_BUCKET) return siteBucket(settings.SITE_BUCKET);
  if (settings.LIVELINE_SITE_UPLOADS_DIR) return new FolderSiteFiles(settings.LIVELINE_SITE_UPLOADS_DIR);
  return {
    put: async () => {
      throw new Error("no place for site files: set SITE_BUCKET (AWS) or LIVELINE_SITE_UPLOADS_DIR (local)");
    },
  };
}

function siteBucket(bucket: string): SiteFiles {
  let files: Promise<SiteFiles> | undefined;
  return {
    put: async (path, bytes, contentType) => {
      files ??= Promise.all([import("@aws-sdk/client-s3"), import("../adapters/aws/site-files.s3")]).then(([{ S3Client }, { S3SiteFiles }]) => new S3SiteFiles(new S3Client({ maxAttempts: 3 }), bucket));
      await (await files).put(path, bytes, contentType);
    },
  };
}
