import { computeSlots, type AvailabilityRep } from "../../functions/core/availability";
import { toWeeklyHours } from "../../functions/core/working-hours";
const ZONES = ["America/New_York", "America/Chicago", "America/Los_Angeles", "Europe/London", "Europe/Berlin", "Asia/Kolkata", "Asia/Singapore", "Australia/Sydney"];
const NOW = Date.parse("2027-03-01T00:00:00Z"), DAY = 86400000;
const H = { mon: ["08:00-12:00", "13:00-18:00"], tue: ["08:00-12:00", "13:00-18:00"], wed: ["08:00-12:00", "13:00-18:00"], thu: ["08:00-12:00", "13:00-18:00"], fri: ["08:00-12:00", "13:00-18:00"] };
let st = 42; const r = () => ((st = (Math.imul(st, 1103515245) + 12345) >>> 0) / 2 ** 32);
const reps: AvailabilityRep[] = Array.from({ length: 50 }, (_, i) => ({ id: `rep-${i}`, timeZone: ZONES[i % 8]!, weeklyHours: toWeeklyHours(H) }));
const busy = new Map(); for (let i = 0; i < 50; i++) { const b = []; for (let d = 0; d < 30; d++) for (let k = 0; k < 10; k++) { const s = NOW + d * DAY + Math.floor(r() * 96) * 900000; b.push({ start: s, end: s + (1 + Math.floor(r() * 4)) * 900000 }); } busy.set(`rep-${i}`, b); }
const rules = { durationMinutes: 30, slotIntervalMinutes: 15, minimumNoticeMinutes: 120, horizonDays: 30, bufferBeforeMinutes: 5, bufferAfterMinutes: 5 };
const run = () => computeSlots({ reps, rules, busy, from: NOW, to: NOW + 30 * DAY, now: NOW });
for (let i = 0; i < 20; i++) run();
const t: number[] = []; let n = 0; for (let i = 0; i < Number(process.env.RUNS ?? 200); i++) { const a = performance.now(); n = run().length; t.push(performance.now() - a); }
t.sort((a, b) => a - b); console.log("p50", t[100]!.toFixed(2), "p99", t[198]!.toFixed(2), "slots", n);
