import { useI18n } from "../../lib/use-i18n.ts";
import { usePageTitle } from "../../lib/use-page-title.ts";
import { ErrorSummary } from "../error-summary/index.tsx";
import { Link } from "../link/index.tsx";
import { Loading } from "../loading/index.tsx";
import { PageHeading } from "../page-heading/index.tsx";

/** A person's task page while the person loads: the page title, "Loading…". */
export function PersonLoading({ title }: { title: string }) {
  usePageTitle(title);
  return <Loading />;
}

/** A person's task page whose person could not be loaded (network, server): the message, and the way back. */
export function PersonLoadFailed({ title, message }: { title: string; message: string }) {
  const { m } = useI18n();
  usePageTitle(title, true);
  return (
    <>
      <ErrorSummary errors={[{ message }]} attempt={1} idFor={() => undefined} />
      <PageHeading>{title}</PageHeading>
      <p>
        <Link href="/home">{m.common.backToTasks}</Link>
      </p>
    </>
  );
}
