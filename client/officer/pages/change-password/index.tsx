import { NewPasswordForm } from "../../../components/new-password-form/index.tsx";
import { Notice } from "../../../components/notice/index.tsx";
import { rememberOfficerSession } from "../../components/session/index.ts";
import { reviewRequest } from "../../api.ts";
import { navigate } from "../../../lib/router.ts";
import { useI18n } from "../../../lib/use-i18n.ts";

/**
 * `/review/change-password`: the password printed by `officer create` works
 * for the first sign-in only; nothing else in /review opens until the
 * officer chooses their own.
 */
export default function OfficerChangePasswordPage() {
  const { m, lang } = useI18n();
  const t = m.officer.changePassword;
  return (
    <NewPasswordForm
      title={t.title}
      heading={t.heading}
      submitLabel={t.submit}
      send={(passwords) => reviewRequest("/review/api/change-password", { lang, body: passwords })}
      onAnswer={(result) => {
        if (result.ok || result.error.code === "password_already_changed") {
          rememberOfficerSession(null);
          navigate("/review");
          return true;
        }
        return false;
      }}
    >
      <Notice kind="info">
        <p>{t.why}</p>
      </Notice>
    </NewPasswordForm>
  );
}
