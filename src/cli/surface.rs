//! The 3D view's flags into the document: `--3d` (and `explore --split`) choose the canvas;
//! `render`'s `--camera AZ,EL`, `--vscale S`, `--tangent-plane` and `--no-floor-contours` set
//! how the surface is drawn, over what a scene's `[surface]` says. A surface flag where no
//! surface is drawn is refused, naming the flag and `--3d`.

use super::{ExploreArgs, RenderArgs};
use crate::document::{CanvasMode, Document};
use crate::error::{Error, Result};

/// `render`'s surface flags over `doc` (whose canvas and surface are the scene's, or the
/// defaults without one): `--3d` shows the surface, `--camera` sets azimuth and elevation
/// (zoom and pan stay), `--vscale`, `--tangent-plane` and `--no-floor-contours` what they
/// name. The camera, vertical scale and the two toggles need the surface: `--3d`, or a scene
/// whose canvas is `3d` or `split`.
pub(crate) fn render_flags(args: &RenderArgs, doc: &mut Document) -> Result<()> {
    if args.three_d {
        doc.canvas = CanvasMode::Surface;
    }
    if !doc.canvas.shows_surface() {
        let stray = [
            ("--camera", args.camera.is_some()),
            ("--vscale", args.vscale.is_some()),
            ("--tangent-plane", args.tangent_plane),
            ("--no-floor-contours", args.no_floor_contours),
        ];
        if let Some((flag, _)) = stray.into_iter().find(|(_, given)| *given) {
            return Err(Error::Input(format!(
                "{flag} needs --3d: it belongs to the 3D view, and without --3d the map is \
                 drawn"
            )));
        }
    }
    args.pin.apply(doc);
    if args.tangent_plane && doc.pin.is_none() {
        return Err(Error::Input(
            "--tangent-plane needs a pin: give --pin X,Y (the plane touches the surface there)"
                .into(),
        ));
    }
    let s = &mut doc.surface;
    if let Some((azimuth, elevation)) = args.camera {
        s.camera.azimuth = azimuth;
        s.camera.elevation = elevation;
        s.camera = s.camera.normalized();
    }
    if let Some(v) = args.vscale {
        s.vscale = v;
    }
    if args.tangent_plane {
        s.tangent_plane = true;
    }

    if args.no_floor_contours {
        s.floor_contours = false;
    }
    Ok(())
}

/// `explore --3d` (the surface) or `--split` (map and surface side by side) over `doc`.
pub(crate) fn explore_flags(args: &ExploreArgs, doc: &mut Document) {
    if args.three_d {
        doc.canvas = CanvasMode::Surface;
    } else if args.split {
        doc.canvas = CanvasMode::Split;
    }
}
