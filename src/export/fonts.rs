//! The fonts bundled for image export (no system fonts), so a rendered timeline looks the
//! same on every machine. Text is measured with the same fonts it is drawn with.

use std::sync::{Arc, OnceLock};

use resvg::usvg::{self, fontdb};

/// The family name the SVG asks for first.
pub const FAMILY: &str = "DejaVu Sans";

/// `font-family` value written into the SVG (browsers without DejaVu fall back sensibly).
pub const CSS_FAMILY: &str = "'DejaVu Sans', Verdana, 'Noto Sans', 'Noto Sans CJK KR', Arial, sans-serif";

/// Bundled font files (licence: `assets/fonts/DejaVu-LICENSE.txt`). To add a font (e.g. a CJK
/// subset), put it in `assets/fonts/` with its licence and add it here; fallback picks it for
/// characters DejaVu lacks.
static BUNDLED: &[&[u8]] = &[
    include_bytes!("../../assets/fonts/DejaVuSans.ttf"),
    include_bytes!("../../assets/fonts/DejaVuSans-Bold.ttf"),
    // Hangul/Han/Kana subset added with the app, picked by fallback for CJK text
    include_bytes!("../../assets/fonts/cjk-subset.ttf"),
];

/// The font database with only the bundled fonts, built once.
pub fn database() -> Arc<fontdb::Database> {
    static DB: OnceLock<Arc<fontdb::Database>> = OnceLock::new();
    DB.get_or_init(|| {
        let mut db = fontdb::Database::new();
        for f in BUNDLED {
            db.load_font_data(f.to_vec());
        }
        db.set_sans_serif_family(FAMILY);
        Arc::new(db)
    })
    .clone()
}

/// usvg options that use the bundled fonts only.
pub fn options() -> usvg::Options<'static> {
    usvg::Options { font_family: FAMILY.to_string(), fontdb: database(), ..Default::default() }
}
