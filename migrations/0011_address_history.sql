DROP INDEX `addresses_person_id_unique`;--> statement-breakpoint
CREATE INDEX `addresses_person_idx` ON `addresses` (`person_id`,`id`);--> statement-breakpoint
ALTER TABLE `cards` ADD `production_started_at` text;--> statement-breakpoint

-- Addresses become a history (decision 024). The one-per-person unique index
-- goes: after submitting, each change of mailing address is a new, dated row,
-- the newest (highest id) in force. The table itself is unchanged (the unique
-- constraint was only that index), so no rebuild is needed, and migration
-- 0001's and 0006's triggers still hold every row: once the person has
-- submitted, no row is updated, and rows are deleted only in the retention
-- purge's shape.
--
-- A change is refused once card production has started: from the first
-- `cards export` batch that includes the person (production_started_at), or
-- once an officer recorded the card produced or mailed. The card producer
-- already has the address; a new row would be a promise the card cannot keep.
CREATE TRIGGER addresses_closed_once_card_production_started BEFORE INSERT ON addresses
WHEN EXISTS (
  SELECT 1 FROM cards
  WHERE person_id = NEW.person_id
    AND (production_started_at IS NOT NULL OR produced_at IS NOT NULL OR mailed_at IS NOT NULL)
)
BEGIN
  SELECT RAISE(ABORT, 'card_production_started: the card is in production; the mailing address cannot change here');
END;
--> statement-breakpoint
-- The production start, once recorded, is never moved or cleared: it is what
-- closes the address.
CREATE TRIGGER cards_production_started_locked BEFORE UPDATE ON cards
WHEN OLD.production_started_at IS NOT NULL
  AND NEW.production_started_at IS NOT OLD.production_started_at
BEGIN
  SELECT RAISE(ABORT, 'card_production_started: the start of card production is never changed');
END;
