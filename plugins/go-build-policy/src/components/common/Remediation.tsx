import { CodeSnippet } from '@backstage/core-components';
import { SafeMarkdown } from './SafeMarkdown';

interface Part {
  kind: 'text' | 'code';
  text: string;
  language?: string;
}

/** Splits markdown into prose and fenced code blocks, so code gets a copy button. */
export function splitFencedCode(markdown: string): Part[] {
  const parts: Part[] = [];
  const fence = /^```([\w+-]*)[^\n]*\n([\s\S]*?)^```[ \t]*$/gm;
  let last = 0;
  for (const match of markdown.matchAll(fence)) {
    const start = match.index ?? 0;
    if (start > last)
      parts.push({ kind: 'text', text: markdown.slice(last, start) });
    parts.push({
      kind: 'code',
      language: match[1] || undefined,
      text: match[2].replace(/\n$/, ''),
    });
    last = start + match[0].length;
  }
  if (last < markdown.length)
    parts.push({ kind: 'text', text: markdown.slice(last) });
  return parts.filter(p => p.kind === 'code' || p.text.trim() !== '');
}

/** A remediation: prose as markdown, each snippet with Backstage's copy button. */
export function Remediation(props: { markdown: string }) {
  return (
    <>
      {splitFencedCode(props.markdown).map((part, i) =>
        part.kind === 'code' ? (
          <CodeSnippet
            key={i}
            text={part.text}
            language={part.language ?? 'text'}
            showCopyCodeButton
          />
        ) : (
          <SafeMarkdown key={i} content={part.text} />
        ),
      )}
    </>
  );
}
