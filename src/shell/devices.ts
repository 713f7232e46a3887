/**
 * The special paths of the learner's filesystem: the terminal (stdout and stderr) and the probe a
 * loop uses to let the event loop run.
 */

/** Writing here prints on the terminal (stdout), as `/dev/tty` does. */
export const TERMINAL_STDOUT = '/dev/tty';
/** Writing here prints on the terminal's stderr. */
export const TERMINAL_STDERR = '/dev/.tty-stderr';
/**
 * Probed (`[[ -e … ]]`) at the top of every loop body: the filesystem answers the probe and
 * yields to the event loop now and then. A test is far cheaper than a registered command.
 */
export const YIELD_PATH = '/dev/.kubelab-yield';
/** The hidden statements after each line write the shell's state here (see shell-state.ts). */
export const CAPTURE_DIR = '/dev/.kubelab-state';
