//! The `[surface]` table of a scene: which canvas is shown (`canvas = "2d" | "3d" | "split"`),
//! the camera (azimuth, elevation, zoom, pan), the vertical scale and the floor contours and
//! tangent plane, read with the checks the command line's flags use
//! (`document::check_elevation`, …) and written with every key.

use super::file::{SceneFile, SurfaceTable};
use super::resolve::{checked, Ctx};
use super::Document;
use crate::document::{self as d, CanvasMode};
use crate::error::Result;
use crate::numfmt::quote;

/// The `[surface]` table of `s`, every key.
pub(super) fn to_table(s: &Document) -> SurfaceTable {
    let (c, t) = (&s.surface.camera, &s.surface);
    SurfaceTable {
        canvas: Some(s.canvas.name().into()),
        azimuth: Some(c.azimuth),
        elevation: Some(c.elevation),
        zoom: Some(c.zoom),
        pan: Some(c.pan.to_vec()),
        vscale: Some(t.vscale),
        floor_contours: Some(t.floor_contours),
        tangent_plane: Some(t.tangent_plane),
    }
}

/// Puts `[surface]` into `s`; keys left out keep the defaults.
pub(super) fn resolve(ctx: &Ctx, f: &SceneFile, s: &mut Document) -> Result<()> {
    let Some(t) = &f.surface else { return Ok(()) };
    if let Some(name) = &t.canvas {
        s.canvas = CanvasMode::from_name(name).ok_or_else(|| {
            let why = format!(
                "unknown canvas {}: choose one of 2d, 3d, split",
                quote(name)
            );
            ctx.err("surface.canvas", why)
        })?;
    }
    let cam = &mut s.surface.camera;
    if let Some(v) = t.azimuth {
        cam.azimuth = checked(ctx, "surface.azimuth", v, d::check_azimuth)?;
    }
    if let Some(v) = t.elevation {
        cam.elevation = checked(ctx, "surface.elevation", v, d::check_elevation)?;
    }
    if let Some(v) = t.zoom {
        cam.zoom = checked(ctx, "surface.zoom", v, d::check_zoom)?;
    }
    if let Some(p) = &t.pan {
        let pan = <[f64; 3]>::try_from(p.as_slice()).map_err(|_| {
            ctx.err(
                "surface.pan",
                format!("needs 3 numbers [x, y, z], got {}", p.len()),
            )
        })?;
        for (i, v) in pan.into_iter().enumerate() {
            cam.pan[i] = checked(ctx, &format!("surface.pan[{i}]"), v, d::check_pan)?;
        }
    }
    // Within the ranges already; this only wraps the azimuth into (−180, 180].
    *cam = cam.normalized();
    if let Some(v) = t.vscale {
        s.surface.vscale = checked(ctx, "surface.vscale", v, d::check_vscale)?;
    }
    if let Some(b) = t.floor_contours {
        s.surface.floor_contours = b;
    }
    if let Some(b) = t.tangent_plane {
        s.surface.tangent_plane = b;
    }
    Ok(())
}
