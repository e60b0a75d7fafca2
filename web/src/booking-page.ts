// Web: the booking page (placeholder until the page lands).
export {};
