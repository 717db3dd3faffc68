import type { ComponentChildren } from "preact";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { format } from "../../../lib/format.ts";
import { OfficerFacts } from "../facts/index.tsx";

type Fact = Parameters<typeof OfficerFacts>[0]["facts"][number];

/**
 * The officers' lists of people to act on (the follow-up list, the corrections list): a problem
 * loading it, or it loading, or how many there are (announced) and each one, or that there is none.
 */
export function OfficerItemList<T>({
  items,
  problem,
  texts,
  children,
}: {
  items: T[] | null;
  problem: string | null;
  texts: { count: string; countOne: string; empty: string };
  children: (item: T) => ComponentChildren;
}) {
  return (
    <>
      {problem && (
        <div class="notice notice--warning" role="alert">
          <p>{problem}</p>
        </div>
      )}
      {items === null ? (
        problem ? null : (
          <Loading />
        )
      ) : (
        <>
          <p class="queue-count" role="status">
            {items.length === 1 ? texts.countOne : format(texts.count, { count: items.length })}
          </p>
          {items.length === 0 ? (
            <Notice kind="info">
              <p>{texts.empty}</p>
            </Notice>
          ) : (
            <ol class="queue">{items.map(children)}</ol>
          )}
        </>
      )}
    </>
  );
}

/** A tag under an item: what was decided, or past its service standard (a dark red tag, in words). */
export interface ItemTag {
  text: string;
  overdue?: boolean;
}

/** One person on such a list: their name (a link to the page that acts on them), facts, tags, and actions. */
export function OfficerListItem({
  name,
  href,
  facts,
  tags,
  class: className,
  level = 2,
  children,
}: {
  name: string;
  href: string | null;
  facts: Fact[];
  tags: ItemTag[];
  class?: string;
  /** The name's heading level: 2 on a list page, 3 inside a section of another page. */
  level?: 2 | 3;
  children?: ComponentChildren;
}) {
  const Heading = level === 3 ? "h3" : "h2";
  return (
    <li class={className ? `queue__item ${className}` : "queue__item"}>
      <Heading class="queue__name">{href ? <a href={href}>{name}</a> : name}</Heading>
      <OfficerFacts class="queue__facts" facts={facts} />
      {tags.length > 0 && (
        <p class="queue__tags">
          {tags.map((tag) => (
            <span key={tag.text} class={tag.overdue ? "tag tag--overdue" : "tag"}>
              {tag.text}
            </span>
          ))}
        </p>
      )}
      {children}
    </li>
  );
}
