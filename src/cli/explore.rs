//! `gradfield explore` (also the default with no command): opens the interactive explorer on
//! a function or preset, optionally for a fixed number of frames with a screenshot at the end.

use super::{resolve, ExploreArgs};
use crate::app::{ExplorerState, Options};
use crate::document::{Document, PathStart};
use crate::error::{Error, Result};
use crate::numfmt::quote;

/// Opens the explorer as the arguments say; returns when the window closes.
pub fn run(args: &ExploreArgs) -> Result<()> {
    if let Some(path) = &args.screenshot {
        check_png_name(path)?;
    }
    let state = initial_state(args)?;
    crate::app::run(Options {
        state,
        frames: args.frames,
        screenshot: args.screenshot.clone(),
        window_size: args.window,
    })
}

/// The explorer's starting state: the document its flags describe, with nothing running yet.
pub fn initial_state(args: &ExploreArgs) -> Result<ExplorerState> {
    let doc = explore_document(args)?;
    let mut state = ExplorerState::from_document(&doc)?;
    if let Some(path) = &args.scene {
        // The save and open dialog then proposes the scene's file.
        state.dialogs.scene.path = path.display().to_string();
    }
    Ok(state)
}

/// The document `explore` opens: the function (--scene, EXPR, --preset, or the first preset)
/// with the view, optimizer, learning rate, start points, tolerance, colouring, pin and
/// direction typed on the command line over it, and the canvas (`--3d`, `--split`; flags
/// beside --scene win).
fn explore_document(args: &ExploreArgs) -> Result<Document> {
    let mut doc = match (&args.scene, &args.expr, &args.preset, args.data.source()?) {
        (Some(path), ..) => crate::scene::load(path)?,
        (None, _, _, Some(source)) => Document::for_data(source.load()?.0, source)?,
        (None, Some(text), _, None) => {
            let r = resolve(Some(text), None)?;
            let view = super::view_or_default(args.view, &r);
            Document::new(r.function, view)
        }
        (None, None, Some(name), None) => Document::from_preset(crate::presets::find(name)?)?,
        (None, None, None, None) => Document::from_preset(&crate::presets::all()[0])?,
    };
    doc.function = super::symbols::apply(doc.function, &args.symbols)?;
    if args.all_variables {
        doc.descend_all = true;
    }
    if let Some(v) = args.view {
        doc.view = v;
        doc.home = v;
    }
    if let Some(name) = &args.optimizer {
        doc.set_optimizer(name.parse()?);
        if let (None, Some(lr)) = (args.lr, doc.optimizer.default_lr()) {
            doc.hyper.lr = lr;
        }
    }
    if let Some(lr) = args.lr {
        doc.hyper.lr = lr;
        doc.hyper.validate()?;
    }
    if let Some(schedule) = args.schedule {
        doc.hyper.schedule = schedule;
    }
    if args.batch.is_some() {
        if doc.function.data().is_none() {
            return Err(Error::Input(super::descend::NO_BATCH.into()));
        }
        doc.hyper.batch = args.batch;
    }
    if let Some(seed) = args.seed {
        doc.hyper.seed = seed;
    }
    if let Some(search) = args.line_search {
        doc.hyper.line_search = search;
        if search != crate::descent::LineSearch::None && !doc.optimizer.takes_line_search() {
            return Err(Error::Input(format!(
                "--line-search {} applies to gd and newton, not {}",
                search.name(),
                doc.optimizer
            )));
        }
    }
    if !args.starts.is_empty() {
        super::check_starts(&args.starts)?;
        doc.paths = args
            .starts
            .iter()
            .enumerate()
            .map(|(color, &start)| PathStart::new(start, doc.optimizer, color))
            .collect();
    }
    if let Some(t) = args.tol {
        doc.tol = t;
    }
    if let Some(mode) = &args.color_by {
        doc.maps.mode = mode.parse()?;
    }
    if let Some(n) = args.map_grid {
        doc.maps.set_divisor(n)?;
    }
    if let Some(h) = args.check_step {
        doc.maps.set_check_step(h)?;
    }
    args.pin.apply(&mut doc);
    display_flags(args, &mut doc)?;
    super::surface::explore_flags(args, &mut doc);
    Ok(doc)
}

/// `--present`, `--theme` and `--ui-scale` over the document.
fn display_flags(args: &ExploreArgs, doc: &mut Document) -> Result<()> {
    doc.present |= args.present;
    if let Some(name) = &args.theme {
        doc.theme = crate::document::Theme::from_name(name).ok_or_else(|| {
            Error::Input(format!(
                "--theme {}: not a theme (dark, light, high-contrast, print)",
                quote(name)
            ))
        })?;
    }
    if let Some(percent) = args.ui_scale {
        let (lo, hi) = crate::document::UI_SCALE_RANGE;
        let scale = percent / 100.0;
        if !(f64::from(lo)..=f64::from(hi)).contains(&scale) {
            return Err(Error::Input(format!(
                "--ui-scale {percent}: the UI scale is {} to {} percent",
                lo * 100.0,
                hi * 100.0
            )));
        }
        doc.ui_scale = scale as f32;
    }
    Ok(())
}

/// An error unless the --screenshot file ends in .png (any case): the screenshot is PNG data,
/// which a name such as `x.jpg` would misdescribe. Checked before the window opens.
fn check_png_name(path: &std::path::Path) -> Result<()> {
    if path
        .extension()
        .is_some_and(|e| e.eq_ignore_ascii_case("png"))
    {
        return Ok(());
    }
    Err(Error::Input(format!(
        "--screenshot {}: the file must end in .png (a screenshot is a PNG)",
        quote(&path.display().to_string())
    )))
}
