import { parseYaml, YamlFile } from '../../parsers/yaml';
import { RepositorySnapshot } from '../../snapshot/RepositorySnapshot';
import { WorkflowFileIssue } from './types';

export type ReadResult =
  | { ok: true; file: YamlFile }
  | { ok: false; issue: WorkflowFileIssue };

/**
 * Reads and parses each YAML file of the model at most once per scan, and remembers
 * why a file could not be used so every rule reports the same reason.
 */
export class YamlFileCache {
  private readonly results = new Map<string, ReadResult>();

  constructor(private readonly snapshot: RepositorySnapshot) {}

  has(path: string): boolean {
    return this.snapshot.file(path) !== undefined;
  }

  read(path: string): ReadResult {
    const cached = this.results.get(path);
    if (cached) return cached;
    const result = this.load(path);
    this.results.set(path, result);
    return result;
  }

  private load(path: string): ReadResult {
    const file = this.snapshot.file(path);
    const problem = (message: string, line = 1): ReadResult => ({
      ok: false,
      issue: { path, line, message },
    });
    if (!file) return problem('the file is not in the repository');
    switch (file.kind) {
      case 'binary':
        return problem('the file is binary, not YAML');
      case 'too-large':
        return problem(`the file is too large to parse (${file.size} bytes)`);
      case 'unavailable':
        return problem(`the file could not be read (${file.reason})`);
      default: {
        const parsed = parseYaml(file.text);
        if (!parsed.ok)
          return problem(
            `invalid YAML: ${parsed.issue.message}`,
            parsed.issue.line,
          );
        return parsed;
      }
    }
  }

  /** Issues of every file read so far, in path order. */
  issues(): WorkflowFileIssue[] {
    return [...this.results.values()]
      .flatMap(r => (r.ok ? [] : [r.issue]))
      .sort((a, b) => a.path.localeCompare(b.path));
  }
}
