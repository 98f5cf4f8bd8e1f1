//! From the TOML text to a checked [`Document`]: syntax, version, types and unknown keys, then
//! every value's meaning. The first problem becomes one line `FILE:LINE:COL: FIELD: why`.

use super::file::SceneFile;
use super::locate::{dotted, line_col, parse_path, Located};
use super::{Document, PathStart, VERSION};
use crate::descent::Optimizer;
use crate::document::{DEFAULT_MAX_STEPS, DEFAULT_VIEW, UI_SCALE_RANGE};
use crate::error::{Error, Result};
use crate::expr::Function;
use crate::numfmt::{clip, echo, shorten_quoted, QUOTE_CHARS};
use crate::presets::Preset;
use crate::View;

/// What a message needs to say where: the file's name, its text and its parsed spans.
pub(super) struct Ctx<'a> {
    pub name: &'a str,
    pub text: &'a str,
    pub doc: Option<Located<'a>>,
}

impl Ctx<'_> {
    /// The one-line error about `field`.
    pub(super) fn err(&self, field: &str, why: impl std::fmt::Display) -> Error {
        let at = self
            .doc
            .as_ref()
            .and_then(|d| d.offset_of(&parse_path(field)));
        self.err_at(at, field, why)
    }

    /// The one-line error about `field` at byte offset `at`.
    pub(crate) fn err_at(
        &self,
        at: Option<usize>,
        field: &str,
        why: impl std::fmt::Display,
    ) -> Error {
        let place = match at {
            Some(off) => {
                let (l, c) = line_col(self.text, off);
                format!("{}:{l}:{c}", self.name)
            }
            None => self.name.to_string(),
        };
        let why = shorten_quoted(&why.to_string().replace('\n', "; "), QUOTE_CHARS);
        let field = if field.is_empty() {
            String::new()
        } else {
            format!("{}: ", clip(field))
        };
        Error::Input(format!("{place}: {field}{why}"))
    }
}

/// Parses and checks a scene; `name` is how messages refer to the file.
pub(super) fn parse(text: &str, name: &str, dir: Option<&std::path::Path>) -> Result<Document> {
    let mut ctx = Ctx {
        name,
        text,
        doc: None,
    };
    let doc = Located::parse(text)
        .map_err(|e| ctx.err_at(e.span().map(|s| s.start), "", invalid_toml(&e)))?;
    ctx.doc = Some(doc);
    let doc = ctx.doc.as_ref().expect("set just above");
    check_version(&ctx, doc)?;
    check_colour_alias(&ctx, doc)?;
    check_lengths(&ctx, doc)?;
    if let Some((path, at)) = doc.non_finite() {
        return Err(ctx.err_at(Some(at), &dotted(&path), "must be a finite number"));
    }
    let file: SceneFile = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| s.start);
        let path = at.map(|a| dotted(&doc.path_at(a))).unwrap_or_default();
        ctx.err_at(at, &path, super::plain::plain(e.message()))
    })?;
    resolve(&ctx, file, dir)
}

fn invalid_toml(e: &toml::de::Error) -> String {
    format!("not valid TOML: {}", e.message())
}

/// `[colour]` and `[color]` are one table: both in one file is refused at the second.
fn check_colour_alias(ctx: &Ctx, doc: &Located) -> Result<()> {
    let at = |k: &str| doc.value(&parse_path(k)).map(|v| v.span().start);
    if let (Some(a), Some(b)) = (at("colour"), at("color")) {
        let (second, name) = if a > b { (a, "colour") } else { (b, "color") };
        let why = "[colour] and [color] are the same table: give one of them";
        return Err(ctx.err_at(Some(second), name, why));
    }
    Ok(())
}

/// Lists with a cap are refused by their length before anything else is built from them.
fn check_lengths(ctx: &Ctx, doc: &Located) -> Result<()> {
    use crate::descent::MAX_PATHS;
    if let Some(toml::de::DeValue::Array(a)) = doc.value(&parse_path("paths")).map(|v| v.get_ref())
    {
        if a.len() > MAX_PATHS {
            let why = format!(
                "a scene holds at most {MAX_PATHS} paths, this one {}",
                a.len()
            );
            return Err(ctx.err(&format!("paths[{MAX_PATHS}]"), why));
        }
    }
    Ok(())
}

fn check_version(ctx: &Ctx, doc: &Located) -> Result<()> {
    let Some(v) = doc.value(&parse_path("version")) else {
        return Err(ctx.err(
            "version",
            format!("missing: a scene starts with `version = {VERSION}`"),
        ));
    };
    let found = match v.get_ref() {
        toml::de::DeValue::Integer(i) => i.as_str().parse::<i64>().ok(),
        _ => None,
    };
    match found {
        Some(VERSION) => Ok(()),
        Some(n) if n > VERSION => Err(ctx.err(
            "version",
            format!("scene version {n} is newer than this gradfield reads ({VERSION}); update gradfield"),
        )),
        Some(n) => Err(ctx.err(
            "version",
            format!("scene version {n} is older than this gradfield reads ({VERSION})"),
        )),
        None => Err(ctx.err("version", format!("must be the integer {VERSION}"))),
    }
}

fn resolve(ctx: &Ctx, f: SceneFile, dir: Option<&std::path::Path>) -> Result<Document> {
    let preset: Option<&'static Preset> = match &f.preset {
        Some(name) => Some(crate::presets::find(name).map_err(|e| ctx.err("preset", e))?),
        None => None,
    };
    let data = super::data::resolve(ctx, &f, dir)?;
    let preset_data = match preset {
        Some(p) if f.function.is_none() && data.is_none() => p
            .data_source()
            .map(|source| (p.function().map_err(|e| ctx.err("preset", e)), source)),
        _ => None,
    };
    let (function, source) =
        match (&f.function, preset, data, preset_data) {
            (_, _, Some((function, source)), _) => (function, Some(source)),
            (None, _, None, Some((function, source))) => (function?, Some(source)),
            (Some(text), ..) => (
                Function::parse(text).map_err(|e| ctx.err("function", e))?,
                None,
            ),
            (None, Some(p), ..) => (
                Function::parse(p.expr).map_err(|e| ctx.err("function", e))?,
                None,
            ),
            (None, None, ..) => return Err(ctx.err(
                "function",
                "missing: give `function = \"x^2 + y^2\"`, `preset = \"bowl\"` or a [data] table",
            )),
        };
    let view = match &f.view {
        Some(v) => {
            let [x0, x1, y0, y1] = numbers::<4>(ctx, "view", v)?;
            View::new(x0, x1, y0, y1).map_err(|e| ctx.err("view", strip(e, "view: ")))?
        }
        None => {
            let v = preset.map_or(DEFAULT_VIEW, |p| p.view);
            View::new(v[0], v[1], v[2], v[3])?
        }
    };
    let bundled = source.as_ref().is_some_and(|s| s.path.is_none());
    let mut scene = match source {
        // A data file's loss, around its minimum unless the scene gives the view.
        Some(src) if preset.is_none() => {
            let mut doc = Document::for_data(function, src)?;
            if f.view.is_some() {
                (doc.view, doc.home) = (view, view);
            }
            doc
        }
        source => Document {
            data: source,
            ..Document::new(function, view)
        },
    };
    scene.preset = preset
        .filter(|p| p.expr == scene.function.source && (p.data.is_some() == bundled))
        .map(|p| p.name);
    if let Some(p) = preset {
        scene.hyper.lr = p.lr;
        scene.layers.log_scale = p.log_scale;
        scene.max_steps = DEFAULT_MAX_STEPS.max(p.steps as usize);
        scene.paths = vec![PathStart::new((p.start[0], p.start[1]), Optimizer::Gd, 0)];
    }
    super::resolve_parts::layers(ctx, &f, &mut scene.layers)?;
    super::resolve_parts::display(ctx, &f, &mut scene)?;
    super::resolve_parts::optimizer(ctx, &f, &mut scene)?;
    super::resolve_parts::teaching(ctx, &f, &mut scene)?;
    super::resolve_parts::paths(ctx, &f, &mut scene)?;
    super::resolve_parts::maps(ctx, &f, &mut scene)?;
    super::surface::resolve(ctx, &f, &mut scene)?;
    super::symbols::resolve(ctx, &f, &mut scene)?;
    Ok(scene)
}

/// Exactly `N` numbers from an array.
pub(super) fn numbers<const N: usize>(ctx: &Ctx, field: &str, v: &[f64]) -> Result<[f64; N]> {
    <[f64; N]>::try_from(v).map_err(|_| {
        let what = if N == 4 { "[x0, x1, y0, y1]" } else { "[x, y]" };
        ctx.err(field, format!("needs {N} numbers {what}, got {}", v.len()))
    })
}

/// An error's text without a prefix that the field name already says.
pub(super) fn strip(e: Error, prefix: &str) -> String {
    let text = e.to_string();
    text.strip_prefix(prefix).unwrap_or(&text).to_string()
}

/// A value that one of [`crate::checks`] accepts (the same check as the flag's), or the error
/// naming `field`, what the value must be and the value.
pub(super) fn checked(
    ctx: &Ctx,
    field: &str,
    v: f64,
    check: fn(f64) -> std::result::Result<f64, crate::checks::Need>,
) -> Result<f64> {
    check(v).map_err(|need| ctx.err(field, format!("must be {need}, got {}", echo(v))))
}

/// A point that [`crate::checks::point`] accepts, from `[x, y]` at `field`.
pub(super) fn point(ctx: &Ctx, field: &str, v: &[f64]) -> Result<(f64, f64)> {
    let [x, y] = numbers::<2>(ctx, field, v)?;
    let x = checked(ctx, &format!("{field}[0]"), x, crate::checks::coordinate)?;
    let y = checked(ctx, &format!("{field}[1]"), y, crate::checks::coordinate)?;
    Ok((x, y))
}

/// A finite number inside `ok`, or the error naming `field` and `range`.
pub(super) fn check(
    ctx: &Ctx,
    field: &str,
    v: f64,
    ok: impl Fn(f64) -> bool,
    range: &str,
) -> Result<f64> {
    if v.is_finite() && ok(v) {
        Ok(v)
    } else {
        Err(ctx.err(field, format!("must be {range}, got {}", echo(v))))
    }
}

/// The range a UI scale must lie in, as text.
pub(super) fn ui_scale_range() -> String {
    format!("between {} and {}", UI_SCALE_RANGE.0, UI_SCALE_RANGE.1)
}
