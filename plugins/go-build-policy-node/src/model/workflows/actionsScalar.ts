import { isScalar } from 'yaml';
import { YamlFile } from '../../parsers/yaml';

/**
 * A scalar as GitHub Actions reads it. Actions parses an unquoted number as a number and
 * passes it on as that number's text: `go-version: 1.20` reaches setup-go as `1.2`, and
 * `go: [1.20]` makes `matrix.go` `1.2`. `writtenAs` keeps the spelling in the file when it
 * differs, so rules can say why the value is not what it looks like.
 */
export function actionsScalar(
  file: YamlFile,
  node: unknown,
): { value: string; writtenAs?: string } | undefined {
  const text = file.string(node);
  if (text === undefined) return undefined;
  const resolved = file.resolve(node);
  if (!isScalar(resolved) || typeof resolved.value !== 'number')
    return { value: text };
  const read = String(resolved.value);
  return read === text ? { value: text } : { value: read, writtenAs: text };
}
