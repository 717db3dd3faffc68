import { useState } from "preact/hooks";
import { Loading } from "../../../components/loading/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { format } from "../../../lib/format.ts";
import { useApi } from "../../../lib/use-api.ts";
import { useI18n } from "../../../lib/use-i18n.ts";
import { reviewRequest } from "../../api.ts";
import { AnotherWayRequest } from "../../components/another-way/request.tsx";
import { OfficerItemList } from "../../components/item-list/index.tsx";
import type { AnotherWayItem } from "../../../../shared/api/another-way.ts";

/**
 * The follow-up list's third stage (decision 028): open requests for another way, those waiting for
 * a first answer first, due first (decision 025), then those answered; each with its outcomes to record.
 */
export function AnotherWayRequests() {
  const { m } = useI18n();
  const t = m.anotherWay.officer;
  const [round, setRound] = useState(0);
  const [done, setDone] = useState<string | null>(null);
  const load = useApi<{ items: AnotherWayItem[] }>("/review/api/follow-up?stage=another_way", {
    request: reviewRequest,
    key: round,
  });
  if (load.state === "failed")
    return (
      <div class="notice notice--warning" role="alert">
        <p>{load.error.message}</p>
      </div>
    );
  if (load.state !== "loaded") return <Loading />;
  const items = load.data.items;
  return (
    <>
      <p>{t.intro}</p>
      <div aria-live="polite">
        {done && (
          <Notice kind="success">
            <p>{done}</p>
          </Notice>
        )}
      </div>
      <OfficerItemList items={items} problem={null} texts={m.officer.followUp}>
        {(item) => (
          <AnotherWayRequest
            key={item.requestId}
            item={item}
            onRecorded={(name) => {
              setDone(format(t.recorded, { name }));
              setRound((n) => n + 1);
            }}
          />
        )}
      </OfficerItemList>
    </>
  );
}
