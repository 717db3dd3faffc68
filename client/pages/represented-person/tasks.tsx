import type { PersonTasks } from "../../../shared/api/persons.ts";
import { useI18n } from "../../lib/use-i18n.ts";

const TASKS = ["presence", "address", "photo", "submit"] as const;

/** A person's four tasks and where each stands, as words only: a representative cannot open them. */
export function TaskStatuses({ tasks, headingLevel }: { tasks: PersonTasks; headingLevel: 2 | 3 }) {
  const { m } = useI18n();
  const t = m.representing;
  const Heading = headingLevel === 2 ? "h2" : "h3";
  return (
    <>
      <Heading>{t.tasksHeading}</Heading>
      <dl class="summary-list">
        {TASKS.map((task) => (
          <div key={task} class="summary-list__row">
            <dt class="summary-list__key">{t.taskNames[task]}</dt>
            <dd class="summary-list__value">{m.home.statuses[tasks[task]]}</dd>
          </div>
        ))}
      </dl>
    </>
  );
}
