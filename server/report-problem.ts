/**
 * Where the server tells its operator about trouble it found in its own data or
 * machinery: a damaged database, a session set aside at start, a data folder held by
 * another server, a commit that failed. Every such message goes through this one
 * function so that a structured log can replace the console here, in one place.
 * Never pass a key or a participant's words to it: codes, counts and reasons only.
 */
export function reportProblem(message: string): void {
  console.error(message);
}
