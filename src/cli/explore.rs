//! `gradfield explore` (also the default with no command): opens the interactive explorer on
//! a function or preset, optionally for a fixed number of frames with a screenshot at the end.

use super::{resolve, ExploreArgs};
use crate::app::{ExplorerState, Options};
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

/// The explorer's starting state: the function (--scene, EXPR, --preset, or the first
/// preset), the view, optimizer, learning rate and start points from the command line.
pub fn initial_state(args: &ExploreArgs) -> Result<ExplorerState> {
    let mut state = match (&args.scene, &args.expr, &args.preset) {
        (Some(path), _, _) => scene_state(path)?,
        (None, Some(text), _) => {
            let r = resolve(Some(text), None)?;
            ExplorerState::new(r.function, super::view_or_default(args.view, None))
        }
        (None, None, name) => {
            let index = match name {
                Some(name) => {
                    let wanted = crate::presets::find(name)?;
                    crate::presets::all()
                        .iter()
                        .position(|p| p.name == wanted.name)
                        .unwrap_or(0)
                }
                None => 0,
            };
            ExplorerState::from_preset(index)?
        }
    };
    if let Some(v) = args.view {
        state.doc.view = v;
        state.doc.home = v;
    }
    if let Some(name) = &args.optimizer {
        state.set_optimizer(name.parse()?);
    }
    if let Some(lr) = args.lr {
        state.doc.hyper.lr = lr;
        state.doc.hyper.validate()?;
        state.restart_all();
    }
    if !args.starts.is_empty() {
        super::check_starts(&args.starts)?;
        state.clear_paths();
        for &(x, y) in &args.starts {
            state.add_path_at(x, y);
        }
    }
    if let Some(t) = args.tol {
        state.doc.tol = t;
    }
    if let Some(mode) = &args.color_by {
        state.set_color_by(mode.parse()?);
    }
    if let Some(n) = args.map_grid {
        state.set_map_divisor(n)?;
    }
    if let Some(h) = args.check_step {
        state.set_check_step(h)?;
    }
    if let Some(p) = args.pin {
        state.set_pin(p);
    }
    if let Some(deg) = args.direction {
        state.set_direction(deg.to_radians());
    }
    Ok(state)
}

/// The explorer on the scene of --scene, which the save and open dialog then proposes.
fn scene_state(path: &std::path::Path) -> Result<ExplorerState> {
    let mut state = ExplorerState::from_document(&crate::scene::load(path)?)?;
    state.dialogs.scene.path = path.display().to_string();
    Ok(state)
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
