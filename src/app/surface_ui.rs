//! The panel's 3D section: the "View" row (map / surface / both, as the D key cycles them)
//! and, while the surface is shown, its vertical scale, floor contours and tangent plane, the
//! camera's azimuth and elevation and a "reset camera" button. In presentation mode the
//! floating function panel shows the same section (it is the whole panel).

use egui::Ui;

use super::state::ExplorerState;
use crate::document::CanvasMode;
use crate::surface::boxmap::VSCALE_RANGE;

/// The View row, and the surface's controls when it is shown.
pub(crate) fn section(ui: &mut Ui, s: &mut ExplorerState) {
    ui.horizontal_wrapped(|ui| {
        ui.label("View (D)");
        let mut chosen = None;
        for mode in CanvasMode::ALL {
            let words = match mode {
                CanvasMode::Map => "map",
                CanvasMode::Surface => "surface",
                CanvasMode::Split => "both",
            };
            let r = ui
                .selectable_label(s.doc.canvas == mode, words)
                .on_hover_text(mode.label());
            if r.clicked() {
                chosen = Some(mode);
            }
        }
        if let Some(mode) = chosen.filter(|&m| m != s.doc.canvas) {
            s.set_canvas_mode(mode);
        }
    });
    if !s.doc.canvas.shows_surface() {
        return;
    }
    let before = s.doc.surface;
    let t = &mut s.doc.surface;
    ui.add(
        egui::Slider::new(&mut t.vscale, VSCALE_RANGE.0..=VSCALE_RANGE.1)
            .logarithmic(true)
            .text("vertical scale"),
    );
    ui.horizontal_wrapped(|ui| {
        ui.checkbox(&mut t.floor_contours, "floor contours");
        ui.checkbox(&mut t.tangent_plane, "tangent plane at the pin");
    });
    let mut reset = false;
    ui.horizontal_wrapped(|ui| {
        ui.label(camera_text(t.camera.azimuth, t.camera.elevation));
        reset = ui.button("reset camera").clicked();
    });
    if reset {
        s.reset_camera();
    } else if s.doc.surface != before {
        s.view3d.changed();
    }
}

/// The camera's read-out: `camera: azimuth −60°, elevation 30°`.
pub(crate) fn camera_text(azimuth: f64, elevation: f64) -> String {
    let deg = |v: f64| format!("{:.0}°", v).replace('-', "−");
    format!(
        "camera: azimuth {}, elevation {}",
        deg(azimuth),
        deg(elevation)
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_camera_read_out_uses_the_minus_sign_and_whole_degrees() {
        assert_eq!(
            super::camera_text(-60.0, 29.6),
            "camera: azimuth −60°, elevation 30°"
        );
    }
}
