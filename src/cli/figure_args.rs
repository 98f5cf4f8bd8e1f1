//! The flags of `gradfield render` that make a figure for paper: the theme, the size in inches
//! and dots per inch (or pixels and a scale), the words on it (title, axis and colour-bar
//! labels, legend) and where its contour lines go; `FigureArgs::resolve` checks them and
//! turns them into what the renderer draws (`FigureSpec`).

use std::path::Path;

use clap::Args;

use super::args::{parse_number, parse_positive, MAX_SAMPLES, MAX_SIDE};
use crate::document::Theme;
use crate::error::{Error, Result};
use crate::numfmt::quote;
use crate::render::layout::BASE_FONT_PX;

/// Label type in points on a figure sized with `--figsize` (the title is 1.6×, tick labels
/// the same): a figure printed at its size reads like a matplotlib figure of 11 pt type.
pub(crate) const LABEL_PT: f64 = 11.0;
/// matplotlib's default dots per inch, gradfield's too.
pub(crate) const DEFAULT_DPI: f64 = 100.0;
/// The dpi `--dpi` accepts.
pub(crate) const DPI_RANGE: (f64, f64) = (10.0, 2400.0);
/// The factor `--scale` accepts.
pub(crate) const SCALE_RANGE: (f64, f64) = (0.25, 16.0);

/// The figure flags of `render`.
#[derive(Debug, Clone, Default, Args)]
pub struct FigureArgs {
    /// dark, light, print or high-contrast [default: the scene's; light for .svg and .pdf,
    /// dark for .png].
    #[arg(long, value_name = "THEME")]
    pub theme: Option<String>,
    /// The figure's size in inches W,H (pixels: W·dpi × H·dpi); type keeps its size in
    /// points at any --dpi.
    #[arg(long, value_name = "W,H", conflicts_with = "size", value_parser = parse_figsize)]
    pub figsize: Option<(f64, f64)>,
    /// Dots per inch of --figsize, 10 to 2400 [default: 100].
    #[arg(long, value_name = "N", allow_negative_numbers = true, value_parser = parse_dpi)]
    pub dpi: Option<f64>,
    /// Draw the PNG S times larger in each direction, type and lines too (S from 0.25 to 16):
    /// the same figure at print resolution.
    #[arg(long, value_name = "S", allow_negative_numbers = true, value_parser = parse_scale)]
    pub scale: Option<f64>,
    /// The title [default: the function, typeset].
    #[arg(long, value_name = "TEXT", conflicts_with = "no_title", value_parser = parse_words)]
    pub title: Option<String>,
    /// Leave the title (and the line under it) off.
    #[arg(long)]
    pub no_title: bool,
    /// The horizontal axis's label [default: its variable].
    #[arg(long, value_name = "TEXT", value_parser = parse_words)]
    pub xlabel: Option<String>,
    /// The vertical axis's label [default: its variable].
    #[arg(long, value_name = "TEXT", value_parser = parse_words)]
    pub ylabel: Option<String>,
    /// A label beside the colour bar, e.g. "loss".
    #[arg(long, value_name = "TEXT", value_parser = parse_words)]
    pub clabel: Option<String>,
    /// A legend of the paths (optimizer, η, start): on, off, or auto (when two or more paths
    /// differ) [default: auto].
    #[arg(long, value_name = "WHEN", value_parser = ["on", "off", "auto"])]
    pub legend: Option<String>,
    /// Contour lines exactly at these values of f (comma-separated), instead of --levels
    /// round ones.
    #[arg(long, value_name = "A,B,…", value_delimiter = ',', allow_negative_numbers = true, value_parser = parse_number)]
    pub levels_at: Vec<f64>,
    /// One path per learning-rate factor from each start: η × F1, η × F2, … (each above 0).
    #[arg(long, value_name = "F1,F2,…", value_delimiter = ',', allow_negative_numbers = true, conflicts_with = "compare", value_parser = parse_positive)]
    pub sweep: Vec<f64>,
    /// One path per optimizer from each start: gd, momentum, nesterov, adagrad, rmsprop,
    /// adam, newton (comma-separated).
    #[arg(long, value_name = "OPT,…", value_delimiter = ',')]
    pub compare: Vec<String>,
    /// What the figure holds: plot (the plot alone), slices (the plot with the pin's two
    /// slices and D_u f in panels beside it; needs --pin) or data (the plot with the points
    /// and the fitted model beside it; needs --data or a fit preset) [default: slices with
    /// --pin], or 3d (the map and the surface side by side).
    #[arg(long, value_name = "LAYOUT", value_parser = ["plot", "slices", "data", "3d"])]
    pub layout: Option<String>,
}

/// The file formats `render --out` writes, by extension.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Png,
    Svg,
    Pdf,
}

impl Format {
    /// The format `path`'s extension names, or an error naming `flag` and the ones there are.
    pub(crate) fn of(path: &Path, flag: &str) -> Result<Format> {
        let ext = path
            .extension()
            .and_then(|e| e.to_str())
            .map(str::to_ascii_lowercase);
        match ext.as_deref() {
            Some("png") => Ok(Format::Png),
            Some("svg") => Ok(Format::Svg),
            Some("pdf") => Ok(Format::Pdf),
            _ => Err(Error::Input(format!(
                "{flag} {}: the file must end in .png, .svg or .pdf",
                quote(&path.display().to_string())
            ))),
        }
    }

    /// Whether the format keeps lines and text as vectors.
    pub(crate) fn is_vector(self) -> bool {
        self != Format::Png
    }
}

/// What the figure flags decide, checked.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FigureSpec {
    /// The picture's size in pixels.
    pub size: (u32, u32),
    /// The type size factor the layout is given (`FigureText::ui_scale`); `None`: the
    /// picture's own (type grows with the picture, as without these flags).
    pub ui_scale: Option<f32>,
    /// Factor on line widths, markers and the arrow spacing.
    pub line_scale: f32,
    /// Dots per inch of the figure (the size of a vector file's page).
    pub dpi: f64,
    pub theme: Theme,
}

impl FigureArgs {
    /// The size, type and line scale and theme of a figure: `pixels` is `--size` (or the
    /// default), `format` what `--out` names, `scene_theme` the theme of `--scene`.
    pub(crate) fn resolve(
        &self,
        pixels: (u32, u32),
        format: Format,
        scene_theme: Option<Theme>,
    ) -> Result<FigureSpec> {
        let theme = match &self.theme {
            Some(name) => Theme::from_name(name).ok_or_else(|| {
                Error::Input(format!(
                    "--theme {}: expected dark, light, print or high-contrast",
                    quote(name)
                ))
            })?,
            None => scene_theme.unwrap_or(if format.is_vector() {
                Theme::Light
            } else {
                Theme::Dark
            }),
        };
        if self.dpi.is_some() && self.figsize.is_none() {
            return Err(Error::Input(
                "--dpi sizes a --figsize W,H in inches; give --figsize too (or --size WxH in \
                 pixels)"
                    .into(),
            ));
        }
        let scale = self.scale.unwrap_or(1.0);
        if self.scale.is_some() && format.is_vector() {
            return Err(Error::Input(
                "--scale draws a PNG larger; an .svg or .pdf is vectors at any size (give \
                 --figsize and --dpi for its raster's resolution)"
                    .into(),
            ));
        }
        let dpi = self.dpi.unwrap_or(DEFAULT_DPI);
        let (size, ui_scale, line_scale) = match self.figsize {
            Some((w, h)) => {
                let dots = dpi * scale;
                let size = checked_pixels(w * dots, h * dots, "--figsize")?;
                let label_px = LABEL_PT * dots / 72.0;
                let fit = (size.0 as f64 / 1920.0).min(size.1 as f64 / 1080.0);
                let ui = label_px / f64::from(BASE_FONT_PX) / fit;
                (size, Some(ui as f32), (dots / DEFAULT_DPI) as f32)
            }
            None => {
                let (w, h) = (pixels.0 as f64 * scale, pixels.1 as f64 * scale);
                (checked_pixels(w, h, "--scale")?, None, scale as f32)
            }
        };
        Ok(FigureSpec {
            size,
            ui_scale,
            line_scale,
            dpi: dpi * scale,
            theme,
        })
    }
}

/// `w`×`h` pixels, rounded, or an error naming `flag` when a side is under one pixel or the
/// picture is beyond what gradfield draws.
fn checked_pixels(w: f64, h: f64, flag: &str) -> Result<(u32, u32)> {
    let (pw, ph) = (w.round(), h.round());
    if !(pw >= 1.0 && ph >= 1.0) {
        return Err(Error::Input(format!(
            "{flag}: the picture would be {pw}×{ph} pixels; each side needs at least one"
        )));
    }
    if pw > f64::from(MAX_SIDE) || ph > f64::from(MAX_SIDE) || pw * ph > MAX_SAMPLES as f64 {
        return Err(Error::Input(format!(
            "{flag}: the picture would be {pw}×{ph} pixels, more than gradfield draws (at \
             most {MAX_SIDE} a side and {MAX_SAMPLES} in all)"
        )));
    }
    Ok((pw as u32, ph as u32))
}

/// Parses `W,H` in inches, each positive.
fn parse_figsize(s: &str) -> std::result::Result<(f64, f64), String> {
    let q = quote(s);
    let Some((w, h)) = s.split_once(',') else {
        return Err(format!(
            "{q} is not a figure size: expected W,H in inches, e.g. 6.4,4.8"
        ));
    };
    let side = |v: &str, name: &str| -> std::result::Result<f64, String> {
        match v.trim().parse::<f64>() {
            Ok(n) if n.is_finite() && n > 0.0 => Ok(n),
            Ok(_) => Err(format!(
                "{q}: the {name} must be a positive number of inches"
            )),
            Err(_) => Err(format!("{q}: the {name} {} is not a number", quote(v))),
        }
    };
    Ok((side(w, "width")?, side(h, "height")?))
}

/// Parses a dpi within [`DPI_RANGE`].
fn parse_dpi(s: &str) -> std::result::Result<f64, String> {
    within(s, DPI_RANGE, "dots per inch")
}

/// Parses a scale within [`SCALE_RANGE`].
fn parse_scale(s: &str) -> std::result::Result<f64, String> {
    within(s, SCALE_RANGE, "a factor")
}

fn within(s: &str, (lo, hi): (f64, f64), what: &str) -> std::result::Result<f64, String> {
    match s.trim().parse::<f64>() {
        Ok(v) if (lo..=hi).contains(&v) => Ok(v),
        _ => Err(format!("{} must be {what} from {lo} to {hi}", quote(s))),
    }
}

/// Parses words for the figure: not empty, one line.
fn parse_words(s: &str) -> std::result::Result<String, String> {
    if s.trim().is_empty() {
        return Err("the text is empty (use --no-title to leave the title off)".into());
    }
    if s.contains(['\n', '\r']) {
        return Err(format!("{} must be one line", quote(s)));
    }
    Ok(s.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spec(args: FigureArgs, format: Format) -> Result<FigureSpec> {
        args.resolve((1600, 900), format, None)
    }

    #[test]
    fn figsize_and_dpi_give_pixels_and_type_in_points() {
        let a = FigureArgs {
            figsize: Some((6.4, 4.8)),
            dpi: Some(150.0),
            ..FigureArgs::default()
        };
        let s = spec(a, Format::Png).expect("a figure");
        assert_eq!(s.size, (960, 720));
        // Label type: 11 pt at 150 dpi is 22.9 px, whatever the layout's own rule.
        let fig = crate::render::layout::FigureLayout::for_figure(
            s.size.0,
            s.size.1,
            s.ui_scale.expect("a type scale"),
            true,
        );
        let label_px = BASE_FONT_PX * fig.scale;
        assert!(
            (f64::from(label_px) - 11.0 * 150.0 / 72.0).abs() < 0.01,
            "{label_px}"
        );
        assert!((s.line_scale - 1.5).abs() < 1e-6);
        // Twice the dpi: twice the pixels and twice the type in pixels, the same in points.
        let b = FigureArgs {
            figsize: Some((6.4, 4.8)),
            dpi: Some(300.0),
            ..FigureArgs::default()
        };
        let t = spec(b, Format::Png).expect("a figure");
        assert_eq!(t.size, (1920, 1440));
        let fig2 = crate::render::layout::FigureLayout::for_figure(
            t.size.0,
            t.size.1,
            t.ui_scale.expect("a type scale"),
            true,
        );
        assert!((fig2.scale / fig.scale - 2.0).abs() < 1e-4);
    }

    #[test]
    fn scale_multiplies_the_pixels_and_themes_default_by_format() {
        let a = FigureArgs {
            scale: Some(2.0),
            ..FigureArgs::default()
        };
        let s = spec(a.clone(), Format::Png).expect("a figure");
        assert_eq!(
            (s.size, s.ui_scale, s.line_scale),
            ((3200, 1800), None, 2.0)
        );
        assert_eq!(s.theme, Theme::Dark);
        assert!(spec(a, Format::Svg).is_err(), "--scale is for PNGs");
        let plain = FigureArgs::default();
        assert_eq!(
            spec(plain.clone(), Format::Pdf).unwrap().theme,
            Theme::Light
        );
        let scene = plain.resolve((10, 10), Format::Svg, Some(Theme::Print));
        assert_eq!(scene.unwrap().theme, Theme::Print);
        let typed = FigureArgs {
            theme: Some("print".into()),
            ..FigureArgs::default()
        };
        assert_eq!(spec(typed, Format::Png).unwrap().theme, Theme::Print);
    }

    #[test]
    fn bad_figure_flags_name_the_flag() {
        let bad = |a: FigureArgs, flag: &str| {
            let e = spec(a, Format::Png).expect_err("refused").to_string();
            assert!(e.contains(flag), "{e}");
        };
        bad(
            FigureArgs {
                theme: Some("sepia".into()),
                ..FigureArgs::default()
            },
            "--theme",
        );
        bad(
            FigureArgs {
                dpi: Some(200.0),
                ..FigureArgs::default()
            },
            "--dpi",
        );
        bad(
            FigureArgs {
                figsize: Some((400.0, 300.0)),
                dpi: Some(2400.0),
                ..FigureArgs::default()
            },
            "--figsize",
        );
        bad(
            FigureArgs {
                figsize: Some((0.001, 0.001)),
                dpi: Some(10.0),
                ..FigureArgs::default()
            },
            "--figsize",
        );
        assert!(parse_figsize("0,3").is_err() && parse_figsize("-1,3").is_err());
        assert!(parse_figsize("4").is_err() && parse_figsize("a,3").is_err());
        assert!(parse_dpi("9").is_err() && parse_dpi("2401").is_err() && parse_dpi("x").is_err());
        assert_eq!(parse_dpi("300"), Ok(300.0));
        assert!(parse_scale("0").is_err() && parse_scale("NaN").is_err());
        assert!(parse_words("").is_err() && parse_words("  ").is_err());
        assert!(parse_words("a\nb").is_err());
        assert_eq!(parse_words("Loss surface"), Ok("Loss surface".into()));
        let e = Format::of(Path::new("f.jpg"), "--out").expect_err("no JPEG");
        assert!(e.to_string().contains("--out"));
        assert_eq!(
            Format::of(Path::new("F.SVG"), "--out").ok(),
            Some(Format::Svg)
        );
    }
}
