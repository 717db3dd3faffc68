// The e-CoPR's one Unicode font (decision 012): Noto Sans Regular 2.015 (SIL Open Font License
// 1.1, node_modules/@expo-google-fonts/noto-sans/LICENSE_FONT), the full file with Latin and all
// its extensions, Vietnamese, Greek with Greek Extended, and Cyrillic. Bundled by wrangler as a
// Data module (wrangler.toml [[rules]], **/*.ttf): an ArrayBuffer, nothing fetched at run time and
// nothing parsed at start-up. pdf-lib embeds only the glyphs each document uses.
import notoSansRegular from "@expo-google-fonts/noto-sans/400Regular/NotoSans_400Regular.ttf";

export const ECOPR_FONT: ArrayBuffer = notoSansRegular;
