import type { ComponentChildren } from "preact";

/** One label and its value; `null` values are left out (a fact that does not apply). */
type Fact = [label: string, value: ComponentChildren | null];

/** The facts about a person or an item on the officers' pages, as a description list. */
export function OfficerFacts({ facts, class: className }: { facts: Fact[]; class: string }) {
  return (
    <dl class={className}>
      {facts
        .filter(([, value]) => value !== null)
        .map(([label, value]) => (
          <div key={label}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
    </dl>
  );
}
