// Handlers: one JSON object per log line (CloudWatch Logs Insights reads the fields; locally it is tidy),
// with personal data masked (log-redaction.ts).

import { redactPersonalData, redactText } from "./log-redaction";

export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";
type Level = Exclude<LogLevel, "silent">;
export type Log = (level: Level, message: string, details?: Record<string, unknown>) => void;

const RANK: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 100 };

export function jsonLogger(minimum: LogLevel): Log {
  return (level, message, details = {}) => {
    if (RANK[level] < RANK[minimum]) return;
    const line = JSON.stringify({ time: new Date().toISOString(), level, message: redactText(message), ...(redactPersonalData(details) as Record<string, unknown>) });
    if (level === "error" || level === "warn") console.error(line);
    else console.log(line);
  };
}
