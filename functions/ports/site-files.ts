// Port: files the product adds to the site while it runs — an uploaded brand logo — served at the site's
// root beside the pages (AWS: the site bucket behind CloudFront; locally: a folder `npm start` serves).

export interface SiteFiles {
  /** Stores the file at `path` (relative to the site's root). Paths are content-named: a file never changes. */
  put(path: string, bytes: Uint8Array, contentType: string): Promise<void>;
}
