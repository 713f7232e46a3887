/**
 * kubectl exec POD [-c CONTAINER] [-it] -- COMMAND [args…]: runs a command in a container of the
 * simulated runtime (staging/src/k8s.io/kubectl/pkg/cmd/exec/exec.go).
 */
import { execInContainer } from '../../sim/images/exec.ts';
import type { KubectlCommand } from '../command.ts';
import { KubectlError, RawError } from '../errors.ts';
import { bool, str } from '../flags.ts';
import { containerFor, podFor } from '../pod-picker.ts';

export const exec: KubectlCommand = {
  name: 'exec',
  short: 'Execute a command in a container',
  long: "Execute a command in a container.",
  example: `# Get output from running the 'date' command from pod mypod, using the first container by default
kubectl exec mypod -- date

# Get output from running the 'date' command in ruby-container from pod mypod
kubectl exec mypod -c ruby-container -- date

# Switch to raw terminal mode; sends stdin to 'bash' in ruby-container from pod mypod
# and sends stdout/stderr from 'bash' back to the client
kubectl exec mypod -c ruby-container -i -t -- bash -il

# List contents of /usr from the first container of pod mypod and sort by modification time
# If the command you want to execute in the pod has any flags in common (e.g. -i),
# you must use two dashes (--) to separate your command's flags/arguments
# Also note, do not surround your command and its flags/arguments with quotes
# unless that is how you would execute it normally (i.e., do ls -t /usr, not "ls -t /usr")
kubectl exec mypod -i -t -- ls -t /usr

# Get output from running 'date' command from the first pod of the deployment mydeployment, using the first container by default
kubectl exec deploy/mydeployment -- date

# Get output from running 'date' command from the first pod of the service myservice, using the first container by default
kubectl exec svc/myservice -- date`,
  usage: 'kubectl exec (POD | TYPE/NAME) [-c CONTAINER] [flags] -- COMMAND [args...]',
  flags: [
    { name: 'container', short: 'c', type: 'string', help: 'Container name. If omitted, use the kubectl.kubernetes.io/default-container annotation for selecting the container to be attached or the first container in the pod will be chosen' },
    { name: 'stdin', short: 'i', type: 'bool', help: 'Pass stdin to the container' },
    { name: 'tty', short: 't', type: 'bool', help: 'Stdin is a TTY' },
    { name: 'quiet', short: 'q', type: 'bool', help: 'Only print output from the remote session' },
    { name: 'filename', short: 'f', type: 'stringArray', help: 'to use to exec into the resource' },
    { name: 'pod-running-timeout', type: 'string', default: '1m0s', help: 'The length of time (like 5s, 2m, or 3h, higher than zero) to wait until at least one pod is running' },
  ],
  async run(inv) {
    const p = inv.parsed;
    if (p.args.length === 0) throw new KubectlError("pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples");
    if (!p.dashDash && p.args.length > 1) {
      throw new KubectlError("exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\nSee 'kubectl exec -h' for help and examples");
    }
    if (p.args.length > 1) throw new KubectlError(`exactly one pod, type/name or --filename must be specified\nSee 'kubectl exec -h' for help and examples`);
    if (p.rest.length === 0) throw new KubectlError("you must specify at least one command for the container\nSee 'kubectl exec -h' for help and examples");
    const pod = podFor(inv, p.args[0]!);
    const container = containerFor(inv, pod, str(p, 'container'));
    const result = execInContainer(inv.cluster, pod, container, p.rest, { stdin: bool(p, 'stdin') ? inv.io.stdin : '' });
    const failedToReach = result.exitCode === 1 && result.stdout === '' && /^(error: |Error from server)/.test(result.stderr);
    if (failedToReach) throw new RawError(result.stderr);
    if (result.stdout) inv.io.out(result.stdout);
    if (result.stderr) inv.io.err(result.stderr);
    if (result.exitCode !== 0) {
      inv.io.err(`command terminated with exit code ${result.exitCode}\n`);
      return result.exitCode;
    }
    return 0;
  },
};
