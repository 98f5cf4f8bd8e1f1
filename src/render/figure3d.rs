//! The 3D figure: the surface z = f(x, y) in the figure's plot rectangle as the explorer draws
//! it (mesh from the field, floor, the descent paths riding the surface with their shadows and
//! balls, the pin's slices, tangents and tangent plane, the box's axes), with the title, the
//! colour bar and the 3D labels painted over it. [`SurfaceFigure`] computes the field and its
//! colour range once and then draws frames for any camera and any length of the paths, so an
//! orbit or a descent animation rebuilds neither the field nor the mesh.

use super::egui_offscreen::EguiOffscreen;
use super::figure::plot_layout;
use super::layout::FigureLayout;
use super::offscreen::{OffscreenTarget, OFFSCREEN_FORMAT};
use super::overlay::{paint_frame_text, ColorBar, OverlayInput};
use super::overlay3d::{axes3, measurer, paint_labels3, style3, Overlay3};
use super::settings::Layout;
use super::surface::heights_of;
use super::{Picture, RangeResult, Renderer, SurfaceFrame};
use crate::error::Result;
use crate::gpu::{Gpu, GradientMode};
use crate::surface::{BoxMap, Camera, Heights, PathMarks, PinMarks};

/// How the surface is shown: the document's `SurfaceSettings` and its pin.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct SurfaceView {
    pub camera: Camera,
    pub vscale: f64,
    pub floor_contours: bool,
    /// The pin with its direction u and whether the tangent plane is drawn.
    pub pin: Option<PinMarks>,
}

/// A 3D figure of one picture, ready to draw frames.
pub struct SurfaceFigure<'a> {
    picture: &'a Picture<'a>,
    view: SurfaceView,
    renderer: Renderer,
    egui: EguiOffscreen,
    target: OffscreenTarget,
    fig: FigureLayout,
    layout: Layout,
    range: Option<RangeResult>,
    boxmap: BoxMap,
}

impl<'a> SurfaceFigure<'a> {
    /// Evaluates the picture's field at its plot's size and reads its colour range back.
    pub fn new(gpu: &Gpu, picture: &'a Picture<'a>, view: SurfaceView) -> Result<Self> {
        let settings = picture.settings();
        let size = picture.size;
        let fig = picture.text.layout(size, settings.show_heatmap);
        let layout = plot_layout(&fig, size);
        let mut renderer = Renderer::new(gpu, OFFSCREEN_FORMAT, picture.function)?;
        renderer.set_background(picture.text.theme.background());
        let work =
            renderer.prepare_layers(gpu, &layout, &picture.view, &settings, GradientMode::Exact)?;
        let mut encoder = gpu.device.create_command_encoder(&Default::default());
        renderer.encode_compute(&mut encoder, &work);
        gpu.queue.submit([encoder.finish()]);
        let range = renderer.fetch_range(gpu)?;
        let heights = heights_of(&range, settings.log_scale).unwrap_or(Heights::linear(0.0, 1.0));
        Ok(SurfaceFigure {
            picture,
            view,
            egui: EguiOffscreen::new(&gpu.device, OFFSCREEN_FORMAT),
            target: OffscreenTarget::new(&gpu.device, OFFSCREEN_FORMAT, size)?,
            boxmap: BoxMap::new(picture.view, heights, view.vscale),
            renderer,
            fig,
            layout,
            range: Some(range).filter(|r| r.count > 0),
        })
    }

    /// The box the surface is drawn in.
    pub fn boxmap(&self) -> &BoxMap {
        &self.boxmap
    }

    /// The plot rectangle the surface fills, in figure pixels.
    pub fn layout(&self) -> &Layout {
        &self.layout
    }

    /// One frame seen by `camera`, each path drawn up to its point `upto[i]` (all of it
    /// where `upto` is shorter): RGBA8 rows, top first.
    pub fn frame(&mut self, gpu: &Gpu, camera: Camera, upto: &[usize]) -> Result<Vec<u8>> {
        let p = self.picture;
        let theme = p.text.theme;
        let plot = self.layout.plot;
        let frame = self.boxmap.frame(f64::from(plot.w), f64::from(plot.h));
        let names = [
            p.function.vars.x.clone(),
            p.function.vars.y.clone(),
            p.function.vars.head(),
        ];
        let scale = self.fig.scale;
        let (bm, cam) = (&self.boxmap, &camera);
        let mut axes = None;
        // The axes' labels are measured by egui; that run paints nothing but may grow the
        // font atlas, so it is recorded (below) like any other.
        let measured = self.egui.run(p.size, 1.0, |painter| {
            let mut measure = measurer(painter, scale);
            axes = Some(axes3(bm, cam, &frame, scale, names.clone(), &mut measure));
        });
        let paths: Vec<PathMarks> = p
            .paths
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let n = upto
                    .get(i)
                    .map_or(d.points.len(), |&k| (k + 1).min(d.points.len()));
                PathMarks {
                    points: d.points[..n].to_vec(),
                    color: d.color.map(|c| (c.clamp(0.0, 1.0) * 255.0).round() as u8),
                    current: n.checked_sub(1),
                }
            })
            .collect();
        let mut tape = p.function.tape();
        let marks = crate::surface::marks(
            bm,
            cam,
            &frame,
            &mut tape,
            &paths,
            self.view.pin,
            &axes.unwrap_or_default(),
            &style3(theme, scale),
        );
        let sw = self.renderer.prepare_surface(
            gpu,
            &SurfaceFrame {
                rect: plot,
                boxmap: self.boxmap,
                camera,
                floor_contours: self.view.floor_contours,
                coarse: false,
                marks: &marks,
                clear_target: true,
            },
        )?;
        let settings = p.settings();
        let lut = settings.colormap.lut();
        let colorbar = self.range.map(|r| ColorBar {
            rect: self.fig.colorbar,
            lut: &lut,
            min: f64::from(r.lo),
            max: f64::from(r.hi),
            log: settings.log_scale,
            has_undefined: u64::from(r.count) < u64::from(plot.w) * u64::from(plot.h),
            clipped_below: settings.log_scale && r.clipped != 0,
        });
        let input = OverlayInput {
            view: p.view,
            plot: self.fig.plot,
            colorbar: colorbar.filter(|_| settings.show_heatmap),
            title: &p.text.title,
            subtitle: p.text.subtitle.as_deref(),
            axis_names: (&p.text.axis_names.0, &p.text.axis_names.1),
            labels: &[],
            contour_labels: None,
            scale,
            theme,
            extra: None,
            colorbar_label: p.text.colorbar_label.as_deref(),
            legend: &p.text.legend,
            pin: None,
            panel: None,
            data: None,
        };
        let labels = Overlay3 {
            marks: &marks,
            camera: cam,
            frame: &frame,
            rect: super::layout::PlotRect {
                x: plot.x as f32,
                y: plot.y as f32,
                w: plot.w as f32,
                h: plot.h as f32,
            },
            scale,
            theme,
        };
        let (device, queue) = (&gpu.device, &gpu.queue);
        let mut encoder = device.create_command_encoder(&Default::default());
        self.renderer
            .encode_surface(&mut encoder, self.target.texture(), &sw);
        gpu.queue.submit([encoder.finish()]);
        let mut encoder = device.create_command_encoder(&Default::default());
        self.egui
            .record(device, queue, &mut encoder, self.target.view(), measured);
        queue.submit([encoder.finish()]);
        let mut encoder = device.create_command_encoder(&Default::default());
        self.egui.paint(
            device,
            queue,
            &mut encoder,
            self.target.view(),
            p.size,
            1.0,
            |painter| {
                paint_frame_text(painter, &input);
                paint_labels3(painter, &labels);
            },
        );
        self.target.encode_copy(&mut encoder);
        queue.submit([encoder.finish()]);
        self.target.read(gpu)
    }
}
