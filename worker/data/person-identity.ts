import { type SQL, getTableColumns, sql } from "drizzle-orm";
import { persons } from "../../schema/index.ts";

/*
 * A person's identity in force (decision 027): the newest `person_identities` row an accepted
 * correction made, else the person row's own, as imported (that row never changes after submitting,
 * migration 0006). Every reader that shows or prints who a person is (the applicant's pages, the
 * officers' queue, decision page and lists, the e-CoPR, the emails, the card export) selects these
 * columns instead of the person row's, so a correction reaches all of them at once.
 *
 * Written out in SQL rather than through drizzle's column objects: in a query on one table drizzle
 * drops the table's name from the columns of a selected expression, and then `person_id = id`
 * inside the subquery would compare the identity row with itself. Names are fixed text, never input.
 */
function newestIdentity(identityColumn: string, personColumn: string): SQL<string> {
  return sql<string>`coalesce((select ${sql.raw(`pi.${identityColumn}`)} from person_identities pi
    where pi.person_id = "persons"."id" order by pi.id desc limit 1), ${sql.raw(`"persons"."${personColumn}"`)})`;
}

/** The identity in force of the `persons` row in the query (which must not be aliased), for conditions. */
export const currentIdentitySql = {
  uci: newestIdentity("uci", "uci"),
  givenNames: newestIdentity("given_names", "given_names"),
  familyName: newestIdentity("family_name", "family_name"),
  dateOfBirth: newestIdentity("date_of_birth", "date_of_birth"),
};

/**
 * The same, to select: named apart from the person row's columns, since in a batch drizzle maps
 * D1's rows by column name.
 */
export const identityColumns = {
  uci: currentIdentitySql.uci.as("current_uci"),
  givenNames: currentIdentitySql.givenNames.as("current_given_names"),
  familyName: currentIdentitySql.familyName.as("current_family_name"),
  dateOfBirth: currentIdentitySql.dateOfBirth.as("current_date_of_birth"),
};

/** Every column of the person row, with its identity replaced by the identity in force. */
export const personColumns = { ...getTableColumns(persons), ...identityColumns };
