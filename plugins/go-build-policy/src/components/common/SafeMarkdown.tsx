import { MarkdownContent } from '@backstage/core-components';

/**
 * Markdown from findings, rules and fixes. Backstage's default (GFM) dialect renders raw
 * HTML (sanitized, yet images and links still load); CommonMark here shows it as text,
 * since messages quote scanned repositories' content.
 */
export function SafeMarkdown(props: { content: string }) {
  return <MarkdownContent content={props.content} dialect="common-mark" />;
}
