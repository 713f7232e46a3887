/**
 * `kubectl options` and the global flags every verb accepts (kubectl v1.34: options.go with
 * templates.go OptionsUsageTemplate; the flags of config_flags.go, cmd.go, kuberc.go, profiling.go
 * and component-base's logging flags).
 */
import { describe, expect, test } from 'vitest';
import { makeHarness } from './harness.ts';

const OPTIONS = `The following options can be passed to any command:

    --as='':
\tUsername to impersonate for the operation. User could be a regular user or a service account in a namespace.

    --as-group=[]:
\tGroup to impersonate for the operation, this flag can be repeated to specify multiple groups.

    --as-uid='':
\tUID to impersonate for the operation.

    --cache-dir='/root/.kube/cache':
\tDefault cache directory

    --certificate-authority='':
\tPath to a cert file for the certificate authority

    --client-certificate='':
\tPath to a client certificate file for TLS

    --client-key='':
\tPath to a client key file for TLS

    --cluster='':
\tThe name of the kubeconfig cluster to use

    --context='':
\tThe name of the kubeconfig context to use

    --disable-compression=false:
\tIf true, opt-out of response compression for all requests to the server

    --insecure-skip-tls-verify=false:
\tIf true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure

    --kubeconfig='':
\tPath to the kubeconfig file to use for CLI requests.

    --kuberc='':
\tPath to the kuberc file to use for preferences. This can be disabled by exporting KUBECTL_KUBERC=false feature gate or turning off the feature KUBERC=off.

    --log-flush-frequency=5s:
\tMaximum number of seconds between log flushes

    --match-server-version=false:
\tRequire server version to match client version

    -n, --namespace='':
\tIf present, the namespace scope for this CLI request

    --password='':
\tPassword for basic authentication to the API server

    --profile='none':
\tName of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)

    --profile-output='profile.pprof':
\tName of the file to write the profile to

    --request-timeout='0':
\tThe length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests.

    -s, --server='':
\tThe address and port of the Kubernetes API server

    --tls-server-name='':
\tServer name to use for server certificate validation. If it is not provided, the hostname used to contact the server is used

    --token='':
\tBearer token for authentication to the API server

    --user='':
\tThe name of the kubeconfig user to use

    --username='':
\tUsername for basic authentication to the API server

    -v, --v=0:
\tnumber for the log level verbosity

    --vmodule=:
\tcomma-separated list of pattern=N settings for file-filtered logging (only works for the default text log format)

    --warnings-as-errors=false:
\tTreat warnings received from the server as errors and exit with a non-zero exit code

`;

describe('kubectl options', () => {
  test('prints the inherited flags as flagsUsages does, to stdout, with nothing after the last one', async () => {
    const h = makeHarness();
    expect(await h.run('options')).toEqual({ out: OPTIONS, err: '', code: 0 });
    // Its Run is cmd.Usage(): arguments are ignored, global flags are accepted.
    expect(await h.run('options -n kube-system extra')).toEqual({ out: OPTIONS, err: '', code: 0 });
  });

  test('its help template is empty; a flag error says to run it without flags', async () => {
    const h = makeHarness();
    expect(await h.run('options --help')).toEqual({ out: '', err: '', code: 0 });
    expect(await h.run('options --all')).toEqual({
      out: '',
      err: "error: unknown flag: --all\nRun 'kubectl options' without flags.\n",
      code: 1,
    });
  });

  test('kubectl --help leaves it out (cmd.go filters "options") but points to it', async () => {
    const h = makeHarness();
    const root = (await h.run('--help')).out;
    expect(root).not.toMatch(/^ {2}options /m);
    expect(root).toContain('Use "kubectl options" for a list of global command-line options (applies to all commands).\n');
  });
});

describe('global flags', () => {
  test('every flag kubectl options lists is accepted by a verb, before or after it', async () => {
    const h = makeHarness();
    const plain = await h.run('get pods -n kube-system');
    expect(plain.code).toBe(0);
    for (const line of [
      'get pods -n kube-system -v=6',
      'get pods -n kube-system -v 6',
      '-v=9 get pods -n kube-system',
      'get pods -n kube-system --v=2 --vmodule=get=4 --log-flush-frequency=1s',
      'get pods -n kube-system --request-timeout=5s --match-server-version --warnings-as-errors',
      '--as-group=a --as-group=b --as=jane --as-uid=1 get pods -n kube-system',
      'get pods -n kube-system --cache-dir=/tmp/c --disable-compression --insecure-skip-tls-verify --tls-server-name=x',
      'get pods -n kube-system --profile=none --profile-output=p.pprof --kuberc=/root/.kube/kuberc',
    ]) {
      expect(await h.run(line), line).toEqual(plain);
    }
  });

  test('a malformed value is refused as pflag refuses it', async () => {
    const h = makeHarness();
    expect(await h.run('get pods -v=high')).toEqual({
      out: '',
      err: `error: invalid argument "high" for "-v, --v" flag: strconv.ParseInt: parsing "high": invalid syntax\nSee 'kubectl get --help' for usage.\n`,
      code: 1,
    });
  });

  test('--warnings-as-errors: the server\'s warnings fail a command that otherwise succeeded (the object stays)', async () => {
    const h = makeHarness();
    h.files.set('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: a\ndatta: x\n');
    expect(await h.run('create -f cm.yaml --validate=warn --warnings-as-errors')).toEqual({
      out: 'configmap/a created\n',
      err: 'Warning: unknown field "datta"\nerror: 1 warning received\n',
      code: 1,
    });
    expect((await h.run('get cm a -o name')).out).toBe('configmap/a\n');
    expect(await h.run('delete cm a --warnings-as-errors')).toEqual({ out: 'configmap "a" deleted from default namespace\n', err: '', code: 0 });
  });

  test('--profile is checked before any command runs; --request-timeout when the command builds a client', async () => {
    const h = makeHarness();
    expect(await h.run('get pods --profile=bogus')).toEqual({ out: '', err: "error: unknown profile 'bogus'\n", code: 1 });
    const invalid = 'error: Invalid timeout value. Timeout must be a single integer in seconds, or an integer followed by a corresponding time unit (e.g. 1s | 2m | 3h)\n';
    expect(await h.run('get pods --request-timeout=soon')).toEqual({ out: '', err: invalid, code: 1 });
    expect(await h.run('get pods --request-timeout=-5')).toEqual({ out: '', err: invalid, code: 1 });
    for (const ok of ['30', '1m30s', '500ms', '-1s']) {
      expect((await h.run(`get ns default -o name --request-timeout=${ok}`)).out).toBe('namespace/default\n');
    }
    // config and version --client read no server.
    expect((await h.run('config current-context --request-timeout=soon')).code).toBe(0);
    expect((await h.run('version --client --request-timeout=soon')).code).toBe(0);
  });
});

