// Canada's 13 provinces and territories, and the first letters of their
// postal codes (Canada Post's forward sortation areas). Shared by the worker
// and the client.

export interface Province {
  code: string;
  en: string;
  fr: string;
  /** Letters a postal code here may start with. */
  letters: string[];
}

export const PROVINCES: readonly Province[] = [
  { code: "AB", en: "Alberta", fr: "Alberta", letters: ["T"] },
  { code: "BC", en: "British Columbia", fr: "Colombie-Britannique", letters: ["V"] },
  { code: "MB", en: "Manitoba", fr: "Manitoba", letters: ["R"] },
  { code: "NB", en: "New Brunswick", fr: "Nouveau-Brunswick", letters: ["E"] },
  { code: "NL", en: "Newfoundland and Labrador", fr: "Terre-Neuve-et-Labrador", letters: ["A"] },
  { code: "NS", en: "Nova Scotia", fr: "Nouvelle-Écosse", letters: ["B"] },
  { code: "NT", en: "Northwest Territories", fr: "Territoires du Nord-Ouest", letters: ["X"] },
  { code: "NU", en: "Nunavut", fr: "Nunavut", letters: ["X"] },
  { code: "ON", en: "Ontario", fr: "Ontario", letters: ["K", "L", "M", "N", "P"] },
  { code: "PE", en: "Prince Edward Island", fr: "Île-du-Prince-Édouard", letters: ["C"] },
  { code: "QC", en: "Quebec", fr: "Québec", letters: ["G", "H", "J"] },
  { code: "SK", en: "Saskatchewan", fr: "Saskatchewan", letters: ["S"] },
  { code: "YT", en: "Yukon", fr: "Yukon", letters: ["Y"] },
];

export function findProvince(code: string): Province | undefined {
  return PROVINCES.find((p) => p.code === code);
}
