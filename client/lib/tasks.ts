import type { PersonTasks } from "./api.ts";

/** The four tasks of a person, named as the task list API names them. */
export type TaskName = keyof PersonTasks;

/** The order a person does them in, on the task list and on the confirmation page. */
export const TASK_ORDER: readonly TaskName[] = ["presence", "address", "photo", "submit"];

/** Each task's page; a task that cannot start yet shows its status without a link. */
export const TASK_PATHS: Record<TaskName, (personId: number) => string> = {
  presence: (id) => `/persons/${id}/presence`,
  address: (id) => `/persons/${id}/address`,
  photo: (id) => `/persons/${id}/photo`,
  submit: (id) => `/persons/${id}/check-answers`,
};
