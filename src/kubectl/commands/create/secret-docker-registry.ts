/**
 * kubectl create secret docker-registry NAME: a `kubernetes.io/dockerconfigjson` Secret whose
 * `.dockerconfigjson` is the JSON Go's encoding/json writes for
 * `{"auths":{SERVER:{"username","password","email","auth"}}}` (empty fields omitted, `auth` the
 * base64 of `user:password`), or the files of `--from-file`
 * (staging/src/k8s.io/kubectl/pkg/cmd/create/create_secret_docker.go).
 */
import type { KubectlCommand } from '../../command.ts';
import { KubectlError } from '../../errors.ts';
import { bool, str, strings } from '../../flags.ts';
import { toJsonCompact } from '../../format/json.ts';
import { base64Utf8, collectData } from './data-sources.ts';
import { finishGenerated, GENERATOR_FLAGS, generatedMeta, nameArg } from './generated.ts';
import { APPEND_HASH_FLAG, secretHash } from './secret-hash.ts';

/** handleDockerCfgJSONContent: the `.dockerconfigjson` text. */
export function dockerConfigJson(username: string, password: string, email: string, server: string): string {
  const entry: [string, string][] = [
    ['username', username],
    ['password', password],
    ['email', email],
    ['auth', base64Utf8(`${username}:${password}`)],
  ];
  const fields = entry.filter(([, v]) => v !== '').map(([k, v]) => `${toJsonCompact(k)}:${toJsonCompact(v)}`);
  return `{"auths":{${toJsonCompact(server)}:{${fields.join(',')}}}}`;
}

export const createSecretDockerRegistry: KubectlCommand = {
  name: 'docker-registry',
  short: 'Create a secret for use with a Docker registry',
  long: "Create a new secret for use with Docker registries.\n\n Dockercfg secrets are used to authenticate against Docker registries.\n\n When using the Docker command line to push images, you can authenticate to a given registry by running: '$ docker login DOCKER_REGISTRY_SERVER --username=DOCKER_USER --password=DOCKER_PASSWORD --email=DOCKER_EMAIL'.\n\n That produces a ~/.dockercfg file that is used by subsequent 'docker push' and 'docker pull' commands to authenticate to the registry. The email address is optional.\n\n When creating applications, you may have a Docker registry that requires authentication.  In order for the nodes to pull images on your behalf, they must have the credentials.  You can provide this information by creating a dockercfg secret and attaching it to your service account.",
  example: `# If you do not already have a .dockercfg file, create a dockercfg secret directly
kubectl create secret docker-registry my-secret --docker-server=DOCKER_REGISTRY_SERVER --docker-username=DOCKER_USER --docker-password=DOCKER_PASSWORD --docker-email=DOCKER_EMAIL

# Create a new secret named my-secret from ~/.docker/config.json
kubectl create secret docker-registry my-secret --from-file=path/to/.docker/config.json`,
  usage:
    'kubectl create secret docker-registry NAME --docker-username=user --docker-password=password --docker-email=email [--docker-server=string] [--from-file=[key=]source] [--dry-run=server|client|none]',
  flags: [
    ...GENERATOR_FLAGS,
    { name: 'docker-username', type: 'string', help: 'Username for Docker registry authentication' },
    { name: 'docker-password', type: 'string', help: 'Password for Docker registry authentication' },
    { name: 'docker-email', type: 'string', help: 'Email for Docker registry' },
    APPEND_HASH_FLAG,
    { name: 'docker-server', type: 'string', default: 'https://index.docker.io/v1/', help: 'Server location for Docker registry' },
    {
      name: 'from-file',
      type: 'stringArray',
      help: 'Key files can be specified using their file path, in which case a default name will be given to them, or optionally with a name and file path, in which case the given name will be used.  Specifying a directory will iterate each named file in the directory that is a valid secret key.',
    },
  ],
  async run(inv) {
    const name = nameArg(inv);
    const p = inv.parsed;
    // --from-file is a string slice here: commas separate sources too.
    const sources = strings(p, 'from-file').flatMap((s) => s.split(','));
    const username = str(p, 'docker-username') ?? '';
    const password = str(p, 'docker-password') ?? '';
    const email = str(p, 'docker-email') ?? '';
    const server = str(p, 'docker-server') ?? '';
    if (sources.length === 0 && (!username || !password || !server)) {
      throw new KubectlError('either --from-file or the combination of --docker-username, --docker-password and --docker-server is required');
    }
    let data: Record<string, string>;
    if (sources.length) {
      p.flags.set('from-file', sources);
      const files = await collectData(inv, 'Secret', name);
      data = Object.fromEntries(Object.entries(files).map(([k, v]) => [k, base64Utf8(v)]));
    } else {
      data = { '.dockerconfigjson': base64Utf8(dockerConfigJson(username, password, email, server)) };
    }
    const type = 'kubernetes.io/dockerconfigjson';
    const finalName = bool(p, 'append-hash') ? `${name}-${secretHash(name, type, data)}` : name;
    const obj = { apiVersion: 'v1', kind: 'Secret', metadata: generatedMeta(inv, finalName, true), data, type };
    // create_secret_docker.go: `failed to create secret %v` (no colon).
    return finishGenerated(inv, obj as never, true, 'failed to create secret ');
  },
};
