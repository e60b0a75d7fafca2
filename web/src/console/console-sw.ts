// Web: the console's service worker (/console-sw.js, scope /console) — keeps the app shell so the console
// opens on a phone without a network, fetching it fresh whenever it can. API requests pass straight to
// the network: answers with leads' personal data are never stored (console-shell.ts decides).

import { isShellRequest, SHELL_CACHE, SHELL_FILES, shellPath } from "./console-shell";

// The DOM library has no service-worker types (and the pages' tsconfig must not take WebWorker's); the
// few members used here are declared instead.
interface ExtendableEvent extends Event {
  waitUntil(promise: Promise<unknown>): void;
}
interface FetchEvent extends ExtendableEvent {
  request: Request;
  respondWith(response: Promise<Response>): void;
}
interface WorkerScope {
  location: Location;
  skipWaiting(): Promise<void>;
  clients: { claim(): Promise<void> };
  addEventListener(type: "install" | "activate", listener: (event: ExtendableEvent) => void): void;
  addEventListener(type: "fetch", listener: (event: FetchEvent) => void): void;
}

const worker = self as unknown as WorkerScope;

worker.addEventListener("install", (event) => {
  event.waitUntil(
    caches
      .open(SHELL_CACHE)
      .then((cache) => cache.addAll(SHELL_FILES.map((path) => new Request(path, { cache: "no-cache" }))))
      .then(() => worker.skipWaiting()),
  );
});

worker.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((names) => Promise.all(names.filter((name) => name.startsWith("liveline-console-") && name !== SHELL_CACHE).map((name) => caches.delete(name))))
      .then(() => worker.clients.claim()),
  );
});

worker.addEventListener("fetch", (event) => {
  const { request } = event;
  if (!isShellRequest(request.method, request.url, worker.location.origin)) return;
  event.respondWith(networkFirst(request));
});

/** The network's copy (kept for next time), or the kept one when the network fails. */
async function networkFirst(request: Request): Promise<Response> {
  const key = shellPath(new URL(request.url).pathname);
  const cache = await caches.open(SHELL_CACHE);
  try {
    const response = await fetch(request);
    if (response.ok) await cache.put(key, response.clone());
    return response;
  } catch (error) {
    const kept = await cache.match(key);
    if (kept) return kept;
    throw error;
  }
}
