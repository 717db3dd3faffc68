import { NewPasswordForm } from "../../components/new-password-form/index.tsx";
import { apiRequest } from "../../lib/api.ts";
import { setFlash } from "../../lib/flash.ts";
import { navigate } from "../../lib/router.ts";
import { useI18n } from "../../lib/use-i18n.ts";
import type { PasswordSet } from "../../../shared/api/auth.ts";

/** `/set-password`: after the first sign-in, replace the temporary password with one's own. */
export default function SetPasswordPage() {
  const { m, lang } = useI18n();
  const t = m.setPassword;
  return (
    <NewPasswordForm
      title={t.title}
      heading={t.heading}
      submitLabel={t.submit}
      send={(passwords) => apiRequest<PasswordSet>("/api/auth/set-password", { lang, body: passwords })}
      onAnswer={(result) => {
        if (result.ok) {
          setFlash("passwordSaved");
          // A representative's own account opens their read-only view (decision 026).
          navigate((result.data as PasswordSet).representative ? "/representing" : "/home");
          return true;
        }
        // A stale tab or the back button: there is nothing left to do here.
        if (result.error.code === "password_already_set") {
          navigate("/home", { replace: true });
          return true;
        }
        return false;
      }}
    >
      <p class="lede">{t.intro}</p>
    </NewPasswordForm>
  );
}
