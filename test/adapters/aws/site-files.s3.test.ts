// The site bucket's file store (no S3 emulator runs here: the request's shape is what we can check) — one
// PutObject per uploaded file, with its type and the cache header a content-named file can carry.
import { PutObjectCommand, S3Client } from "@aws-sdk/client-s3";
import { mockClient } from "aws-sdk-client-mock";
import { beforeEach, describe, expect, it } from "vitest";
import { S3SiteFiles, SITE_FILE_CACHE_CONTROL } from "../../../functions/adapters/aws/site-files.s3";

const s3 = mockClient(S3Client);
const bytes = Uint8Array.from([0x89, 0x50, 0x4e, 0x47]);

beforeEach(() => s3.reset());

describe("S3SiteFiles", () => {
  it("puts the file at its site path with its type, cached for a year as a file that never changes", async () => {
    s3.on(PutObjectCommand).resolves({});
    await new S3SiteFiles(new S3Client({ region: "us-east-1" }), "liveline-site-bucket").put("brand/uploads/logo-0123.png", bytes, "image/png");
    const [call] = s3.commandCalls(PutObjectCommand);
    expect(call!.args[0].input).toEqual({ Bucket: "liveline-site-bucket", Key: "brand/uploads/logo-0123.png", Body: bytes, ContentType: "image/png", CacheControl: SITE_FILE_CACHE_CONTROL });
    expect(SITE_FILE_CACHE_CONTROL).toBe("public, max-age=31536000, immutable");
  });

  it("lets a failed upload fail the request (nothing is saved as the logo)", async () => {
    s3.on(PutObjectCommand).rejects(Object.assign(new Error("Access Denied"), { name: "AccessDenied" }));
    await expect(new S3SiteFiles(new S3Client({ region: "us-east-1" }), "b").put("brand/uploads/x.png", bytes, "image/png")).rejects.toThrow(/Access Denied/);
  });
});
