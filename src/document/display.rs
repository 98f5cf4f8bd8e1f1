//! How the explorer's window looks: the colour [`Theme`] (the UI scale, panel and fullscreen
//! flags are plain fields of the document).

/// The colours of the panel, overlay text and background.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Theme {
    Dark,
    Light,
    /// Black and white with heavy text, for projectors in bright rooms.
    HighContrast,
    /// For paper: a white background, black text and heavier lines that survive a greyscale
    /// photocopy (the colour maps are kept).
    Print,
}

impl Theme {
    /// Every theme, in the order the panel lists them.
    pub(crate) const ALL: [Theme; 4] =
        [Theme::Dark, Theme::Light, Theme::HighContrast, Theme::Print];

    /// The name shown in the panel.
    pub(crate) fn name(self) -> &'static str {
        match self {
            Theme::Dark => "dark",
            Theme::Light => "light",
            Theme::HighContrast => "high contrast",
            Theme::Print => "print",
        }
    }

    /// How a scene file writes the theme (`high-contrast`).
    pub(crate) fn file_name(self) -> &'static str {
        match self {
            Theme::HighContrast => "high-contrast",
            other => other.name(),
        }
    }

    /// A theme by its file name (`high-contrast`) or panel name (`high contrast`).
    pub(crate) fn from_name(name: &str) -> Option<Theme> {
        Theme::ALL
            .into_iter()
            .find(|t| t.name() == name || t.file_name() == name)
    }
}

/// Smallest and largest UI scale (Ctrl+= / Ctrl+-, `[display] ui_scale`).
pub(crate) const UI_SCALE_RANGE: (f32, f32) = (0.5, 4.0);
