import { GitTreeEntry } from '../git/gitObjects';
import { UrlContext } from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';
import { wrappedBase64 } from './gitJson';

function encodePath(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

interface ItemInput {
  repo: SimulatedRepository;
  ref: string;
  path: string;
  sha: string;
  type: 'file' | 'dir';
  size: number;
  urls: UrlContext;
}

/** Fields every contents item has, files and directories alike. */
function contentItem({ repo, ref, path, sha, type, size, urls }: ItemInput) {
  const api = `${urls.api}/repos/${repo.fullName}`;
  const self = `${api}/contents/${encodePath(path)}?ref=${encodeURIComponent(
    ref,
  )}`;
  const git = `${api}/git/${type === 'dir' ? 'trees' : 'blobs'}/${sha}`;
  const html = `${urls.web}/${repo.fullName}/${
    type === 'dir' ? 'tree' : 'blob'
  }/${encodeURIComponent(ref)}/${encodePath(path)}`;
  return {
    type,
    size,
    name: path.split('/').pop() ?? path,
    path,
    sha,
    url: self,
    git_url: git,
    html_url: html,
    download_url:
      type === 'file'
        ? `${urls.web}/${repo.fullName}/raw/${encodeURIComponent(
            ref,
          )}/${encodePath(path)}`
        : null,
    _links: { self, git, html },
  };
}

/** The `content-file` shape; `content` empty and encoding `none` when too large to inline. */
export function fileContentJson(
  input: Omit<ItemInput, 'type' | 'size'> & {
    content: Buffer;
    inline: boolean;
  },
) {
  return {
    ...contentItem({ ...input, type: 'file', size: input.content.length }),
    content: input.inline ? wrappedBase64(input.content) : '',
    encoding: input.inline ? 'base64' : 'none',
  };
}

/** The `content-directory` shape: one item per entry, no content. */
export function directoryContentJson(
  input: Omit<ItemInput, 'type' | 'size' | 'sha' | 'path'> & {
    path: string;
    entries: GitTreeEntry[];
  },
) {
  return input.entries.map(entry =>
    contentItem({
      ...input,
      path: input.path ? `${input.path}/${entry.name}` : entry.name,
      sha: entry.sha,
      type: entry.type === 'tree' ? 'dir' : 'file',
      size: entry.size ?? 0,
    }),
  );
}
