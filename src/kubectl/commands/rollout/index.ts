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
  usage: 'kubectl rollout SUBCOMMAND',
  flags: [],
  subcommands: [history, pause, restart, resume, status, undo],
};
