/** Types for the helpers of shell.mjs that TypeScript tests use. */
export const root: string;
export function freePort(): Promise<number>;
export function portIsOpen(port: number, host?: string): Promise<boolean>;
