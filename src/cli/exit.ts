/** Named exit codes of the command line. */
export const EXIT = {
  OK: 0,
  /** The input (content, templates) has errors, or --strict and warnings. */
  INVALID_INPUT: 1,
  /** The command line itself is wrong: unknown command or option, missing argument. */
  USAGE: 2,
  /** A bug in mujaz. */
  INTERNAL: 3,
  /** The standard output could not be written (a full disk, a closed output): what was printed is not whole. */
  OUTPUT: 4,
} as const;
