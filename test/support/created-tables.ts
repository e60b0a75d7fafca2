// Tests: the tables this test file's APIs created (test-api.ts adds each), dropped when the file ends
// (drop-tables.setup.ts). A module of its own so the setup loads nothing else into every file.

export const tablesCreated = new Set<string>();
