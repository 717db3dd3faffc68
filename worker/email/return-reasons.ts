// The return reasons and their wording live in shared/photo/return-reasons.ts,
// which the client's status page imports too (one wording for email and page).
export { RETURN_REASONS, type ReturnReason, isReturnReason, returnReasonText } from "../../shared/photo/return-reasons.ts";
