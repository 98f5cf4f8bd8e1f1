//! The data panel of a data loss: the file (a path field with the working directory's CSV
//! files to click, and the model), the batch size, the points with the model of the selected
//! path's iterate (the line with its residuals, or the sigmoid with its decision point) and
//! the model under the pointer as a faint preview, and each path's loss over its steps; on
//! the canvas, the full and mini-batch gradient steps at the selected iterate with a cloud
//! of other batches' (`paint_batch_arrows`).

use egui::{Color32, Painter, RichText, Ui};
use egui_plot::{Line, Plot, Points};

use super::state::ExplorerState;
use crate::fit::Model;
use crate::render::overlay::PlotRect;

/// The most points the plot draws (a deterministic stride through larger data sets).
const SHOWN_POINTS: usize = 2000;
/// The most residuals drawn.
const SHOWN_RESIDUALS: usize = 300;

/// In the function panel while the function is not a data loss: a folded section to open a
/// CSV file (the data panel on the right takes over once one is open).
pub(crate) fn open_section(ui: &mut Ui, s: &mut ExplorerState) {
    if s.doc.function.data().is_some() {
        return;
    }
    egui::CollapsingHeader::new("Fit a model to data (CSV)")
        .id_salt("gradfield-open-data")
        .show(ui, |ui| {
            ui.label("A header row naming the columns, then x,y rows (logistic: y is 0 or 1).");
            file_row(ui, s);
        });
}

/// The data panel of a data loss (with the file field, to open another).
pub(crate) fn panel(ui: &mut Ui, s: &mut ExplorerState) {
    ui.heading("Data");
    if let (Some(source), true) = (&s.doc.data, s.dialogs.data.path.is_empty()) {
        // Until a file is typed here, the field proposes the data shown and its model.
        s.dialogs.data.model = source.model;
        if let Some(p) = &source.path {
            s.dialogs.data.path = p.display().to_string();
        }
    }
    file_row(ui, s);
    let (Some(data), Some(source)) = (s.doc.function.data(), s.doc.data.clone()) else {
        ui.label("Open a CSV file of points to fit a model and see its loss.");
        return;
    };
    let (n, label, columns) = (data.len(), data.label.clone(), data.columns.clone());
    ui.label(format!("{label}: {n} points"));
    ui.label(format!(
        "{} model, {}",
        source.model.name(),
        source.model.loss_name()
    ));
    batch_row(ui, s, n);
    ui.separator();
    data_plot(ui, s, source.model, &columns);
    ui.separator();
    loss_plot(ui, s);
}

fn file_row(ui: &mut Ui, s: &mut ExplorerState) {
    let field = egui::TextEdit::singleline(&mut s.dialogs.data.path)
        .hint_text("a CSV file: header, then x,y rows")
        .font(egui::TextStyle::Monospace)
        .desired_width(f32::INFINITY);
    let r = ui.add(field);
    let enter = r.lost_focus() && ui.input(|i| i.key_pressed(egui::Key::Enter));
    ui.horizontal(|ui| {
        egui::ComboBox::from_id_salt("gradfield-model")
            .width(80.0)
            .selected_text(s.dialogs.data.model.name())
            .show_ui(ui, |ui| {
                for m in Model::ALL {
                    ui.selectable_value(&mut s.dialogs.data.model, m, m.name());
                }
            });
        if ui.button("Open").clicked() || enter {
            open_typed(s);
        }
    });
    let files = super::scene_io::files_ending(std::path::Path::new("."), ".csv");
    if !files.is_empty() {
        ui.horizontal_wrapped(|ui| {
            for f in files.iter().take(12) {
                if ui.small_button(f).clicked() {
                    s.dialogs.data.path = f.clone();
                    open_typed(s);
                }
            }
        });
    }
    if let Some(e) = &s.dialogs.data.error {
        ui.colored_label(Color32::from_rgb(255, 120, 100), e);
    }
}

fn open_typed(s: &mut ExplorerState) {
    let path = std::path::PathBuf::from(s.dialogs.data.path.trim());
    if let Err(e) = s.open_data(&path, s.dialogs.data.model) {
        s.dialogs.data.error = Some(e.to_string());
    }
}

fn batch_row(ui: &mut Ui, s: &mut ExplorerState, n: usize) {
    let mut b = s.doc.hyper.batch.unwrap_or(n);
    ui.label("mini-batch size B");
    ui.spacing_mut().slider_width = (ui.available_width() - 70.0).max(40.0);
    let slider = egui::Slider::new(&mut b, 1..=n.max(1)).logarithmic(true);
    if ui.add(slider).changed() {
        s.set_batch(Some(b));
    }
    ui.label(match s.doc.hyper.batch {
        Some(b) => format!(
            "each step averages {b} of {n} points (seed {})",
            s.doc.hyper.seed
        ),
        None => format!("full batch: each step averages all {n} points"),
    });
}

/// The points, the selected iterate's model (and residuals), the hover preview.
fn data_plot(ui: &mut Ui, s: &ExplorerState, model: Model, columns: &[String; 2]) {
    let Some(data) = s.doc.function.data() else {
        return;
    };
    let stride = data.len().div_ceil(SHOWN_POINTS).max(1);
    let shown: Vec<[f64; 2]> = data.points.iter().step_by(stride).copied().collect();
    let (lo, hi) = shown
        .iter()
        .fold((f64::INFINITY, f64::NEG_INFINITY), |(a, b), p| {
            (a.min(p[0]), b.max(p[0]))
        });
    let pad = 0.05 * (hi - lo).max(1e-9);
    let (lo, hi) = (lo - pad, hi + pad);
    let curve = |w: f64, b: f64| -> Vec<[f64; 2]> {
        (0..=120)
            .map(|i| lo + (hi - lo) * i as f64 / 120.0)
            .map(|x| [x, model.predict(w, b, x)])
            .collect()
    };
    let iterate = s.selected_iterate();
    let color = s
        .selected_path()
        .map(|i| rgba(s.running.paths[i].rgba()))
        .unwrap_or(Color32::WHITE);
    let shown_text = if stride > 1 {
        format!(" (every {stride}th point of {})", data.len())
    } else {
        String::new()
    };
    ui.label(RichText::new(format!("{} against {}{shown_text}", columns[1], columns[0])).small());
    let response = Plot::new("gradfield-data-plot")
        .show_background(false)
        .height(200.0)
        .min_size(egui::Vec2::splat(24.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label(columns[0].clone())
        .y_axis_label(columns[1].clone())
        .show(ui, |p| {
            if let Some((w, b)) = s.pointer.hover {
                p.line(
                    Line::new("under the pointer", curve(w, b))
                        .color(Color32::from_gray(150))
                        .width(1.0),
                );
            }
            if let Some((w, b)) = iterate {
                if model == Model::Linear {
                    for (i, q) in shown.iter().take(SHOWN_RESIDUALS).enumerate() {
                        let fit = model.predict(w, b, q[0]);
                        p.line(
                            Line::new(format!("r{i}"), vec![*q, [q[0], fit]])
                                .color(Color32::from_rgb(230, 120, 120))
                                .width(1.0),
                        );
                    }
                } else if w != 0.0 {
                    let x = -b / w;
                    if (lo..=hi).contains(&x) {
                        p.line(
                            Line::new("decision point", vec![[x, 0.0], [x, 1.0]])
                                .color(color)
                                .width(1.0),
                        );
                    }
                }
                p.line(Line::new("model", curve(w, b)).color(color).width(2.5));
            }
            p.points(
                Points::new("points", shown.clone())
                    .radius(2.5)
                    .color(Color32::from_rgb(220, 220, 220)),
            );
        });
    super::teach_ui::frame_plot(ui, *response.transform.frame());
    if let Some((w, b)) = iterate {
        let text = match model {
            Model::Linear => format!("ŷ = {}·x + {}", short(w), short(b)),
            Model::Logistic => format!(
                "p = σ({}·x + {}), decision at x = {}",
                short(w),
                short(b),
                short(-b / w)
            ),
        };
        ui.label(RichText::new(text).color(color));
    }
}

/// Each path's loss (its points' f: the mini-batch's with mini-batches) over its steps.
fn loss_plot(ui: &mut Ui, s: &ExplorerState) {
    ui.label(RichText::new("loss over steps").small());
    let response = Plot::new("gradfield-loss-plot")
        .show_background(false)
        .height(140.0)
        .min_size(egui::Vec2::splat(24.0))
        .allow_drag(false)
        .allow_zoom(false)
        .allow_scroll(false)
        .x_axis_label("step")
        .show(ui, |p| {
            for (i, t) in s.running.paths.iter().enumerate() {
                let points = &t.path.points;
                let stride = points.len().div_ceil(2000).max(1);
                let line: Vec<[f64; 2]> = points
                    .iter()
                    .enumerate()
                    .step_by(stride)
                    .filter(|(_, q)| q.f.is_finite())
                    .map(|(k, q)| [k as f64, q.f])
                    .collect();
                p.line(
                    Line::new(format!("path {i}"), line)
                        .color(rgba(t.rgba()))
                        .width(2.0),
                );
            }
        });
    super::teach_ui::frame_plot(ui, *response.transform.frame());
}

fn short(v: f64) -> String {
    crate::numfmt::short(v).replace('-', "−")
}

fn rgba(c: [f32; 4]) -> Color32 {
    let [r, g, b, a] = c.map(|v| (v.clamp(0.0, 1.0) * 255.0).round() as u8);
    Color32::from_rgba_unmultiplied(r, g, b, a)
}

/// On the canvas: at the selected iterate, −η∇L (white), −η times this step's mini-batch
/// gradient (the path's colour) and faint arrows for other mini-batches, all magnified by one
/// factor so that the longest of the two is [`ARROW_PX`] long (their lengths compare), with
/// a label saying so.
pub(crate) fn paint_batch_arrows(painter: &Painter, s: &ExplorerState, plot: PlotRect, scale: f32) {
    let Some(arrows) = s.batch_arrows() else {
        return;
    };
    let px = crate::render::overlay::Px::new(painter, scale);
    let clip = plot.to_egui(px.ppp);
    let painter = painter.with_clip_rect(clip.intersect(painter.clip_rect()));
    let at = |p: [f64; 2]| {
        let (x, y) = s.to_pixel(p[0], p[1]);
        px.pos(plot.x + x as f32, plot.y + y as f32)
    };
    let from = at(arrows.theta);
    let plus = |d: [f64; 2]| at([arrows.theta[0] + d[0], arrows.theta[1] + d[1]]);
    // Pixel length of each step as drawn at its true size.
    let len = |d: [f64; 2]| (plus(d) - from).length() * px.ppp;
    let longest = len(arrows.full).max(len(arrows.batch));
    if !(longest.is_finite() && longest > 0.0) {
        return;
    }
    let k = f64::from(ARROW_PX * scale / longest);
    let grow = |d: [f64; 2]| plus([d[0] * k, d[1] * k]);
    let color = s
        .selected_path()
        .map(|i| rgba(s.running.paths[i].rgba()))
        .unwrap_or(Color32::WHITE);
    let width = 2.5 * px.scale;
    for o in &arrows.others {
        let faint = color.gamma_multiply(0.35);
        super::step_ui::arrow(&painter, &px, from, grow(*o), faint, 0.6 * width);
    }
    super::step_ui::arrow(
        &painter,
        &px,
        from,
        grow(arrows.full),
        Color32::WHITE,
        width,
    );
    super::step_ui::arrow(&painter, &px, from, grow(arrows.batch), color, width);
    let text = format!(
        "steps ×{}: all points (white), this mini-batch, {} other batches",
        crate::numfmt::short(k),
        arrows.others.len()
    );
    // On a dark box: the heatmap under it may be any colour.
    let galley = painter.layout_no_wrap(text, px.font_id(0.8 * px.font), Color32::WHITE);
    let at = grow(arrows.full) + egui::vec2(8.0, 8.0) * px.scale / px.ppp;
    let pad = egui::vec2(4.0, 2.0) * px.scale / px.ppp;
    let rect = egui::Rect::from_min_size(at, galley.size()).expand2(pad);
    painter.rect_filled(rect, 3.0, Color32::from_black_alpha(190));
    painter.galley(at, galley, Color32::WHITE);
}

/// How long the longer of the full and the mini-batch step is drawn, in pixels at UI scale 1.
const ARROW_PX: f32 = 90.0;
