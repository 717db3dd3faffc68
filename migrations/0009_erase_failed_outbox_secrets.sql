-- Rows that ended `failed` before the delivery code erased their secrets
-- (issue 14, point 12) still hold temporary passwords and links. The code now
-- erases them when a row fails; this erases those already failed. The dev
-- mailbox never fails a row, so no demo secret is lost.
UPDATE `outbox` SET `secrets_json` = NULL WHERE `status` = 'failed' AND `secrets_json` IS NOT NULL;
