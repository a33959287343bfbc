/**
 * How the local commands (`npm start`, `npm run import`, `npm run reminders`) end on a problem a
 * person can fix: one line on stderr, prefixed with the command, and exit code 1; never a stack trace.
 */
export function failWith(command: string): (message: string) => never {
  return (message) => {
    console.error(`${command}: ${message}`);
    process.exit(1);
  };
}

/**
 * Runs a command's `main`. Whatever it throws ends through `fail` with the first line of its
 * message (a domain error's message is one line), or `fallback` when it has none.
 */
export function runCommand(main: () => Promise<void>, fail: (message: string) => never, fallback: string): void {
  main().catch((error: unknown) => fail((error as Error)?.message?.split('\n')[0] || fallback));
}
