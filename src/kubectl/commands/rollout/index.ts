/**
 * kubectl rollout: manage the rollout of Deployments, DaemonSets and StatefulSets
 * (staging/src/k8s.io/kubectl/pkg/cmd/rollout/rollout.go).
 */
import type { KubectlCommand } from '../../command.ts';
import { history } from './history.ts';
import { pause } from './pause.ts';
import { restart } from './restart.ts';
import { resume } from './resume.ts';
import { status } from './status.ts';
import { undo } from './undo.ts';

export const rollout: KubectlCommand = {
  name: 'rollout',
  short: 'Manage the rollout of a resource',
  // rollout.go's Long after LongDesc: its tab-indented first line renders as a code block, hence
  // the line of eight spaces, and the list items come out as `  *  name`.
  long:
    'Manage the rollout of one or many resources.\n        \n Valid resource types include:\n\n  *  deployments\n  *  daemonsets\n  *  statefulsets',
  example: `# Rollback to the previous deployment
kubectl rollout undo deployment/abc

# Check the rollout status of a daemonset
kubectl rollout status daemonset/foo

# Restart a deployment
kubectl rollout restart deployment/abc

# Restart deployments with the 'app=nginx' label
kubectl rollout restart deployment --selector=app=nginx`,
  usage: 'kubectl rollout SUBCOMMAND',
  bareHelpTo: 'stdout',
  flags: [],
  subcommands: [history, pause, restart, resume, status, undo],
};
