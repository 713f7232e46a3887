/**
 * What the learner reads when a command line hits one of the shell's budgets. just-bash words
 * these for the embedding program ("increase executionLimits.maxCommandCount"); a learner needs
 * to know what happened and what to do instead.
 */

const RULES: [RegExp, (m: RegExpExecArray) => string][] = [
  [
    /^bash: too many commands executed \(>(\d+)\), increase executionLimits\.maxCommandCount$/m,
    (m) => `bash: stopped: this command line ran more than ${m[1]} commands. A loop that never ends? Add a condition that ends it, or a sleep in a loop that polls.`,
  ],
  [
    /^(?:bash: )?(for|while|until) loop: too many iterations \((\d+)\), increase executionLimits\.maxLoopIterations$/m,
    (m) => `bash: stopped: a ${m[1]} loop went round ${m[2]} times without ending.`,
  ],
  [
    /^(?:bash: )?(\S+): iteration limit exceeded \((\d+)\)$/m,
    (m) => `bash: stopped: ${m[1]} went past its limit of ${m[2]} iterations.`,
  ],
  [
    /^(?:bash: )?(\S+): maximum recursion depth \((\d+)\) exceeded, increase executionLimits\.maxCallDepth$/m,
    (m) => `bash: stopped: ${m[1]} called itself more than ${m[2]} levels deep.`,
  ],
  [
    /^(?:bash: )?(?:\S+: )?total output size exceeded \(>(\d+) bytes\), increase executionLimits\.maxOutputSize$/m,
    (m) => `bash: stopped: the command line printed more than ${m[1]} bytes.`,
  ],
  [
    /^bash: .* exceeded execution deadline \((\d+)ms\)$/m,
    (m) => `bash: stopped: the command line ran for more than ${Math.round(Number(m[1]) / 1000)}s. Press Ctrl-C to stop a command yourself.`,
  ],
];

/** Rewrites just-bash's budget messages in a chunk of stderr; other text is returned as is. */
export function learnerMessage(stderr: string): string {
  let out = stderr;
  for (const [re, text] of RULES) {
    const m = re.exec(out);
    if (m) out = out.slice(0, m.index) + text(m) + out.slice(m.index + m[0].length);
  }
  return out;
}
