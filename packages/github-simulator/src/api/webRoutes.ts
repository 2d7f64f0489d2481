import {
  RouteContext,
  RouteDefinition,
  SimRequest,
  SimResponse,
} from '../http/types';
import { SimulatedRepository } from '../model/SimulatedRepository';

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}

// Highlights the lines named in the fragment: #L3 or #L3-L5, as GitHub does.
const HIGHLIGHT_SCRIPT = `
function mark() {
  document.querySelectorAll('tr.hl').forEach(r => r.classList.remove('hl'));
  const m = /^#L(\\d+)(?:-L(\\d+))?$/.exec(location.hash);
  if (!m) return;
  const from = Number(m[1]), to = Number(m[2] || m[1]);
  for (let n = from; n <= to; n++) document.getElementById('L' + n)?.classList.add('hl');
  document.getElementById('L' + from)?.scrollIntoView({ block: 'center' });
}
addEventListener('hashchange', mark);
addEventListener('DOMContentLoaded', mark);`;

function page(title: string, body: string): SimResponse {
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(
    title,
  )}</title>
<style>body{font-family:system-ui,sans-serif;margin:1.5rem}table{border-collapse:collapse;font-family:ui-monospace,monospace;font-size:13px}
td.n{color:#888;text-align:right;padding-right:1em;user-select:none}td.n a{color:inherit;text-decoration:none}
td.c{white-space:pre}tr.hl{background:#fff8c5}</style><script>${HIGHLIGHT_SCRIPT}</script></head>
<body>${body}</body></html>`;
  return {
    status: 200,
    raw: Buffer.from(html),
    contentType: 'text/html; charset=utf-8',
  };
}

function notFoundPage(): SimResponse {
  return {
    status: 404,
    raw: Buffer.from('Not Found'),
    contentType: 'text/plain; charset=utf-8',
  };
}

function resolveFile(
  request: SimRequest,
  context: RouteContext,
): { repo: SimulatedRepository; content: Buffer } | undefined {
  const repo = context.registry.get(request.params.owner, request.params.repo);
  const commit = repo?.resolveCommit(request.params.ref);
  if (!repo || !commit) return undefined;
  const found = repo.lookupPath(commit.tree, request.params.path);
  return found?.object.kind === 'blob'
    ? { repo, content: found.object.content }
    : undefined;
}

function blobPage(request: SimRequest, context: RouteContext): SimResponse {
  const file = resolveFile(request, context);
  if (!file) return notFoundPage();
  const lines = file.content.toString('utf8').replace(/\n$/, '').split('\n');
  const rows = lines
    .map((line, index) => {
      const n = index + 1;
      return `<tr id="L${n}"><td class="n"><a href="#L${n}">${n}</a></td><td class="c">${escapeHtml(
        line,
      )}</td></tr>`;
    })
    .join('\n');
  const { owner, repo, ref, path } = request.params;
  const title = `${owner}/${repo}: ${path} at ${ref.slice(0, 12)}`;
  return page(title, `<h1>${escapeHtml(title)}</h1><table>${rows}</table>`);
}

/** Web pages the demo's evidence links open: /{owner}/{repo}/blob/{ref}/{path}#L3-L5. */
export const webRoutes: RouteDefinition[] = [
  {
    method: 'GET',
    template: '/{owner}/{repo}/blob/{ref}/{+path}',
    free: true,
    handler: blobPage,
  },
  {
    method: 'GET',
    template: '/{owner}/{repo}/raw/{ref}/{+path}',
    free: true,
    handler: (request, context) => {
      const file = resolveFile(request, context);
      return file
        ? {
            status: 200,
            raw: file.content,
            contentType: 'text/plain; charset=utf-8',
          }
        : notFoundPage();
    },
  },
  {
    method: 'GET',
    template: '/{owner}/{repo}',
    free: true,
    handler: (request, context) => {
      const repo = context.registry.get(
        request.params.owner,
        request.params.repo,
      );
      const head = repo?.headCommit;
      if (!repo) return notFoundPage();
      if (!head)
        return page(
          repo.fullName,
          `<h1>${escapeHtml(
            repo.fullName,
          )}</h1><p>This repository is empty.</p>`,
        );
      const items: string[] = [];
      const walk = (sha: string, prefix: string) => {
        const tree = repo.getObject(sha);
        if (tree?.kind !== 'tree') return;
        for (const entry of tree.entries) {
          const path = prefix ? `${prefix}/${entry.name}` : entry.name;
          if (entry.type === 'tree') walk(entry.sha, path);
          else
            items.push(
              `<li><a href="/${repo.fullName}/blob/${
                head.sha
              }/${path}">${escapeHtml(path)}</a></li>`,
            );
        }
      };
      walk(head.tree, '');
      return page(
        repo.fullName,
        `<h1>${escapeHtml(repo.fullName)}</h1><ul>${items.join('')}</ul>`,
      );
    },
  },
];
