// Adapter (AWS): the site files port on the site bucket — one PutObject per file, with the cache header
// CloudFront passes on: a content-named file never changes, so browsers and mail proxies may keep it a year.

import { PutObjectCommand, type S3Client } from "@aws-sdk/client-s3";
import type { SiteFiles } from "../../ports/site-files";

export const SITE_FILE_CACHE_CONTROL = "public, max-age=31536000, immutable";

export class S3SiteFiles implements SiteFiles {
  constructor(
    private readonly client: S3Client,
    private readonly bucket: string,
  ) {}

  async put(path: string, bytes: Uint8Array, contentType: string): Promise<void> {
    await this.client.send(new PutObjectCommand({ Bucket: this.bucket, Key: path, Body: bytes, ContentType: contentType, CacheControl: SITE_FILE_CACHE_CONTROL }));
  }
}
