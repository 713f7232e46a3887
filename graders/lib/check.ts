/**
 * A check: one named fact about the cluster, passed or failed, with a message that says what was
 * expected and what was found.
 */
export interface Check {
  name: string;
  passed: boolean;
  /** On failure: "expected …, found …". On success: what was verified. */
  message: string;
}

export function pass(name: string, message: string): Check {
  return { name, passed: true, message };
}

export function fail(name: string, message: string): Check {
  return { name, passed: false, message };
}

/** A check from a condition: `message` explains the failure, `ok` the success. */
export function check(name: string, passed: boolean, message: string, ok = message): Check {
  return { name, passed, message: passed ? ok : message };
}
