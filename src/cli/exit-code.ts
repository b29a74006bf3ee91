/**
 * Thrown by a command to end with an exit code after printing what it had to say (e.g. a failed gate).
 * Not an error: main exits with the code and prints nothing more.
 */
export class ExitCode {
  constructor(readonly code: number) {}
}
