// Infra: the page a short address names — "/webinars" is /webinars.html, "/" and "/docs/" their
// index.html. One rule for both servers: CloudFront runs this very function's source as a viewer-request
// function, and the local runtime calls it; so it must stay self-contained, plain JavaScript.

/** The object key path for a request path (already without query); paths with an extension are kept. */
export function pageAddress(uri: string): string {
  if (uri.charAt(uri.length - 1) === "/") return uri + "index.html";
  var name = uri.slice(uri.lastIndexOf("/") + 1);
  return name.indexOf(".") === -1 ? uri + ".html" : uri;
}

/** The CloudFront Function (cloudfront-js-2.0) that applies pageAddress to every page request. */
export function pageAddressFunctionCode(): string {
  return `var pageAddress = ${pageAddress.toString()};\nfunction handler(event) {\n  event.request.uri = pageAddress(event.request.uri);\n  return event.request;\n}\n`;
}
