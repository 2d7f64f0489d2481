import { globMatchesModule } from '../../model/go';

/** Hosts of public modules: a glob covering one of them wholesale skips checksums for strangers' code. */
const PUBLIC_HOSTS = [
  'github.com',
  'gitlab.com',
  'bitbucket.org',
  'golang.org',
  'google.golang.org',
  'gopkg.in',
  'go.uber.org',
  'k8s.io',
  'cloud.google.com',
];

/** The public host whose every module `glob` matches, if any. */
export function publicHostGlob(glob: string): string | undefined {
  return PUBLIC_HOSTS.find(host =>
    globMatchesModule(glob, `${host}/zz-unrelated-owner/zz-unrelated-repo`),
  );
}
