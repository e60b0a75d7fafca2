// Tests: a booking store whose calls fail while a test says so — a table that is unreachable, or one call
// that throws — wrapping the real store (DependencyOverrides.wrapStore).

import type { BookingStore } from "../../functions/ports/booking-store";

/** Each call of the store asks `failure(method)`: an error to reject with, or undefined to pass through. */
export function faultyStore(failure: (method: string) => Error | undefined) {
  return (real: BookingStore): BookingStore =>
    new Proxy(real, {
      get(target, property, receiver) {
        const value = Reflect.get(target, property, receiver);
        if (typeof value !== "function") return value;
        return (...args: unknown[]) => {
          const error = failure(String(property));
          return error ? Promise.reject(error) : value.apply(target, args);
        };
      },
    });
}
