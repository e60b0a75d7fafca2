// Core: reads the attendance report a webinar platform exports (Zoom, Teams, GoTo, Webex…) into minutes
// per address. Platforms differ in column names, put a summary block above the table, list a person once
// per join, and write durations as "42", "42.5", "1:02:30" or "1h 2m 30s" — so this finds the header row by
// its columns and sums every join of an address.

export interface AttendanceRow {
  /** Lower-cased. */
  email: string;
  /** Whole minutes, summed over every join. */
  minutes: number;
}

export interface ParsedAttendance {
  rows: AttendanceRow[];
  /** Why lines were skipped or the file was not read, for the host. */
  problems: string[];
}

const EMAIL_HEADER = /e-?mail/i;
const DURATION_HEADER = /duration|minutes|time in session|attendance duration|time attended/i;
// Columns naming a session length or a join time, never the person's time in the session.
// "In-Meeting Duration" (Teams) is the person's time; "Meeting Duration" is the session's length.
const NOT_DURATION = /join|leave|start|\bend|(?<!in-)meeting/i;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const MAX_PROBLEMS = 10;

/** The rows of a CSV (or semicolon/tab separated) text, with RFC 4180 quoting. */
export function splitCsv(text: string): string[][] {
  return csvRows(text).map((row) => row.cells);
}

interface CsvRow {
  cells: string[];
  /** The file line the row starts on (a quoted field may span lines). */
  line: number;
}

function csvRows(text: string): CsvRow[] {
  const body = text.replace(/^\uFEFF/, "");
  const separator = separatorOf(body);
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < body.length; i++) {
    const char = body[i]!;
    const newline = char === "\n" || (char === "\r" && body[i + 1] !== "\n");
    if (quoted) {
      if (newline) line++;
      if (char !== '"') field += char;
      else if (body[i + 1] === '"') (field += '"'), i++;
      else quoted = false;
      continue;
    }
    if (char === '"') quoted = true;
    else if (char === separator) cells.push(field), (field = "");
    else if (char === "\n" || char === "\r") {
      if (char === "\r" && body[i + 1] === "\n") i++;
      cells.push(field);
      rows.push({ cells, line: rowLine });
      cells = [];
      field = "";
      rowLine = ++line;
    } else field += char;
  }
  if (field !== "" || cells.length > 0) rows.push({ cells: [...cells, field], line: rowLine });
  return rows;
}

function separatorOf(text: string): string {
  const firstLines = text.split(/\r?\n/, 20).join("\n");
  const count = (c: string) => firstLines.split(c).length - 1;
  if (count("\t") > count(",") && count("\t") > count(";")) return "\t";
  return count(";") > count(",") ? ";" : ",";
}

/** One row is one join: none lasts longer than a day (the JSON form's attendees are held to the same). */
const MAX_ROW_MINUTES = 24 * 60;

/** Minutes in a duration cell, or undefined when it is not one. */
export function durationMinutes(cell: string): number | undefined {
  const value = cell.trim().toLowerCase();
  if (/^\d+([.,]\d+)?$/.test(value)) return Number(value.replace(",", "."));
  const clock = /^(\d+):(\d{1,2})(?::(\d{1,2}))?$/.exec(value);
  if (clock) {
    const [h, m, s] = clock[3] === undefined ? [0, Number(clock[1]), Number(clock[2])] : [Number(clock[1]), Number(clock[2]), Number(clock[3])];
    return h * 60 + m + s / 60;
  }
  const units = /^(?:(\d+)\s*h(?:ours?|rs?)?)?\s*(?:(\d+)\s*m(?:in(?:utes?|s)?)?)?\s*(?:(\d+)\s*s(?:ec(?:onds?|s)?)?)?$/.exec(value);
  if (units && (units[1] ?? units[2] ?? units[3]) !== undefined) {
    return Number(units[1] ?? 0) * 60 + Number(units[2] ?? 0) + Number(units[3] ?? 0) / 60;
  }
  return undefined;
}

/** A table of the file: a header row with an e-mail and a duration column, and the rows up to the next one. */
interface Table {
  emailColumn: number;
  durationColumn: number;
  rows: CsvRow[];
}

function headerColumns(cells: string[]): { emailColumn: number; durationColumn: number } | undefined {
  const emailColumn = cells.findIndex((cell) => EMAIL_HEADER.test(cell));
  const durationColumn = cells.findIndex((cell) => DURATION_HEADER.test(cell) && !NOT_DURATION.test(cell));
  return emailColumn >= 0 && durationColumn >= 0 ? { emailColumn, durationColumn } : undefined;
}

function tablesOf(rows: CsvRow[]): Table[] {
  const tables: Table[] = [];
  for (const row of rows) {
    const header = headerColumns(row.cells);
    if (header) tables.push({ ...header, rows: [] });
    else tables.at(-1)?.rows.push(row);
  }
  return tables;
}

interface TableReading {
  minutes: Map<string, number>;
  problems: string[];
  good: number;
}

function readTable(table: Table): TableReading {
  const minutes = new Map<string, number>();
  const problems: string[] = [];
  let good = 0;
  for (const { cells, line } of table.rows) {
    if (cells.every((cell) => cell.trim() === "")) continue;
    const email = (cells[table.emailColumn] ?? "").trim().toLowerCase();
    const duration = durationMinutes(cells[table.durationColumn] ?? "");
    if (!EMAIL.test(email)) {
      problems.push(`line ${line}: no e-mail address.`);
      continue;
    }
    if (duration === undefined) {
      problems.push(`line ${line}: "${cells[table.durationColumn] ?? ""}" is not a duration.`);
      continue;
    }
    if (duration > MAX_ROW_MINUTES) {
      problems.push(`line ${line}: "${cells[table.durationColumn] ?? ""}" is longer than a day.`);
      continue;
    }
    good++;
    minutes.set(email, (minutes.get(email) ?? 0) + duration);
  }
  return { minutes, problems, good };
}

/**
 * Minutes attended per address; a person listed once per join is summed. Some exports put a summary
 * table (the meeting's host and length) above the participants', with the same kinds of column: the
 * table with the most readable rows is the participants' (on a tie, the later one).
 */
export function parseAttendanceCsv(text: string): ParsedAttendance {
  const readings = tablesOf(csvRows(text)).map(readTable);
  if (readings.length === 0) return { rows: [], problems: ["has no header row with an e-mail column and a duration (minutes) column."] };
  const best = readings.reduce((chosen, reading) => (reading.good >= chosen.good ? reading : chosen));
  return {
    rows: [...best.minutes].map(([email, total]) => ({ email, minutes: Math.round(total) })),
    problems: best.problems.slice(0, MAX_PROBLEMS),
  };
}
