// Tests: infra/local/static-path — which file of web/ the local server sends for an address.

import { describe, expect, it } from "vitest";
import { staticFileFor } from "../../../infra/local/static-path";

describe("staticFileFor", () => {
  it("serves index.html for the root and a folder", () => {
    expect(staticFileFor("/")).toBe("index.html");
    expect(staticFileFor("/docs/")).toBe("docs/index.html");
  });

  it("serves a page for its short address, and files as named", () => {
    expect(staticFileFor("/webinars")).toBe("webinars.html");
    expect(staticFileFor("/webinars.html")).toBe("webinars.html");
    expect(staticFileFor("/styles.css")).toBe("styles.css");
    expect(staticFileFor("/a.b/c")).toBe("a.b/c.html");
  });

  it("decodes the path, and refuses one that cannot be decoded", () => {
    expect(staticFileFor("/my%20page")).toBe("my page.html");
    expect(staticFileFor("/%E0%A4%A")).toBeUndefined();
  });
});
