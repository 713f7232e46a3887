import { describe, expect, it } from 'vitest';
import { learnerMessage } from '../../src/shell/limits.ts';

describe('budget messages a learner can act on', () => {
  it('rewrites each just-bash budget message and leaves other text alone', () => {
    expect(learnerMessage('bash: too many commands executed (>50000), increase executionLimits.maxCommandCount\n')).toBe(
      'bash: stopped: this command line ran more than 50000 commands. A loop that never ends? Add a condition that ends it, or a sleep in a loop that polls.\n',
    );
    expect(learnerMessage('bash: while loop: too many iterations (10000), increase executionLimits.maxLoopIterations\n')).toBe(
      'bash: stopped: a while loop went round 10000 times without ending.\n',
    );
    expect(learnerMessage('bash: seq: iteration limit exceeded (10000)\n')).toBe('bash: stopped: seq went past its limit of 10000 iterations.\n');
    expect(learnerMessage('f: maximum recursion depth (100) exceeded, increase executionLimits.maxCallDepth\n')).toBe(
      'bash: stopped: f called itself more than 100 levels deep.\n',
    );
    expect(learnerMessage('bash: total output size exceeded (>1048576 bytes), increase executionLimits.maxOutputSize\n')).toBe(
      'bash: stopped: the command line printed more than 1048576 bytes.\n',
    );
    expect(learnerMessage('bash: script exceeded execution deadline (20000ms)\n')).toBe(
      'bash: stopped: the command line ran for more than 20s. Press Ctrl-C to stop a command yourself.\n',
    );
    expect(learnerMessage('Error from server (NotFound): pods "x" not found\n')).toBe('Error from server (NotFound): pods "x" not found\n');
  });
});
