// The few Node globals usage.ts refers to (no @types/node is installed).
declare const Buffer: { from(s: string): Uint8Array };
declare const console: { log(...a: unknown[]): void };
