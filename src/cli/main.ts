/**
 * The `kubelab` command: a table of subcommands. `run` and `shell` drive a Session; the labs
 * subcommands (`labs check`, `grade`) register in the same table.
 */
import { gradeCommand, labsCommand } from './labs.ts';
import { runCommand } from './run.ts';
import { shellCommand } from './shell.ts';

export interface CliIO {
  stdout(s: string): void;
  stderr(s: string): void;
  readStdin(): Promise<string>;
}

export interface Subcommand {
  name: string;
  usage: string;
  summary: string;
  run(args: string[], io: CliIO): Promise<number>;
}

export const SUBCOMMANDS: Subcommand[] = [
  {
    name: 'run',
    usage: 'kubelab run [--lab ID] [--seed N] [--json] [FILE|-]',
    summary: 'run a bash script against a fresh simulated cluster, in virtual time',
    run: runCommand,
  },
  {
    name: 'shell',
    usage: 'kubelab shell [--lab ID] [--seed N]',
    summary: 'an interactive shell with kubectl and a simulated cluster, in real time',
    run: shellCommand,
  },
  {
    name: 'labs',
    usage: 'kubelab labs [list|check [ID...]]',
    summary: 'list the labs, or check that each lab grades its solution and near misses correctly',
    run: labsCommand,
  },
  {
    name: 'grade',
    usage: 'kubelab grade --lab ID [--json] FILE...',
    summary: 'replay submitted scripts on the lab and print a gradebook',
    run: gradeCommand,
  },
];

export function helpText(): string {
  const width = Math.max(...SUBCOMMANDS.map((c) => c.usage.length));
  return (
    'kubelab: Kubernetes workloads, with a simulated cluster and real kubectl\n\nUsage:\n' +
    SUBCOMMANDS.map((c) => `  ${c.usage.padEnd(width)}   ${c.summary}\n`).join('') +
    `  ${'kubelab help'.padEnd(width)}   this text\n`
  );
}

export const nodeIO: CliIO = {
  stdout: (s) => void process.stdout.write(s),
  stderr: (s) => void process.stderr.write(s),
  readStdin: async () => {
    const chunks: Buffer[] = [];
    for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString('utf8');
  },
};

/** `kubelab run … | head` closes the pipe early: stop quietly, as a shell tool does. */
function exitOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (e: NodeJS.ErrnoException) => {
    if (e.code === 'EPIPE') process.exit(0);
    throw e;
  });
}

export async function main(argv: string[], io: CliIO = nodeIO): Promise<number> {
  if (io === nodeIO) {
    exitOnClosedPipe(process.stdout);
    exitOnClosedPipe(process.stderr);
  }
  const [name, ...rest] = argv;
  if (name === undefined || name === 'help' || name === '--help' || name === '-h') {
    io.stdout(helpText());
    return 0;
  }
  const sub = SUBCOMMANDS.find((c) => c.name === name);
  if (!sub) {
    io.stderr(`error: unknown command "${name}" for "kubelab"\nRun 'kubelab help' for usage.\n`);
    return 2;
  }
  try {
    return await sub.run(rest, io);
  } catch (e) {
    io.stderr(`error: ${e instanceof Error ? e.message : String(e)}\n`);
    return 1;
  }
}
