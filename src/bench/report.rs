//! The results of `gradfield bench` and their two forms: a table for people and JSON (written
//! by hand: numbers, strings and arrays only) for scripts and tests.

use std::fmt::Write as _;

use super::floor::Bandwidth;
use super::stats::{ms, Stats};
use super::timer::Clock;

/// One size and function.
#[derive(Debug, Clone, PartialEq)]
pub struct Row {
    /// Figure size (and grid of the field-pass measurement).
    pub size: (u32, u32),
    /// The plot inside the figure: the grid the frames evaluate.
    pub plot: (u32, u32),
    pub function: String,
    /// The field pass alone on a `size` grid, by the report's clock.
    pub field: Stats,
    /// The same runs by wall time.
    pub field_wall: Stats,
    /// Full frames after a pan, by the report's clock.
    pub full_frame: Stats,
    /// The same frames by wall time (submission to completion, CPU work included).
    pub full_frame_wall: Stats,
    /// Steady frames (only the paths changed), by the report's clock.
    pub steady_frame: Stats,
    pub steady_frame_wall: Stats,
    /// The field on the CPU with the f64 reference evaluator, one thread (wall time).
    pub cpu_field: Stats,
    /// Median GPU field pass over median CPU field.
    pub gpu_over_cpu: f64,
    /// Bytes a full frame moves at least (see `bench::floor`).
    pub full_floor_bytes: u64,
    /// Those bytes at the measured bandwidth.
    pub full_floor_ms: f64,
    pub steady_floor_bytes: u64,
    pub steady_floor_ms: f64,
}

/// One descent step of many paths on the CPU.
#[derive(Debug, Clone, PartialEq)]
pub struct DescentRow {
    pub function: String,
    pub paths: usize,
    pub step: Stats,
}

/// Everything `gradfield bench` measured.
#[derive(Debug, Clone, PartialEq)]
pub struct Report {
    /// `Gpu::adapter_summary`.
    pub adapter: String,
    pub backend: String,
    /// The clock of the GPU timings (`*_wall` rows are always wall time).
    pub clock: Clock,
    pub repeats: usize,
    pub warmup: usize,
    pub bandwidth: Bandwidth,
    pub rows: Vec<Row>,
    /// Interactive and refine frames (`bench::detail`).
    pub detail: Vec<super::detail::DetailRow>,
    /// The whole-process start-up of `gradfield render` (a 16×16 figure), when the command
    /// line measured it.
    pub startup: Option<Stats>,
    /// 3D frames (`bench::frame3d`).
    pub surface: Vec<super::frame3d::SurfaceRow>,
    pub descent: Vec<DescentRow>,
    /// Data losses (`bench::fit`).
    pub data: Vec<super::fit::DataRow>,
}

impl Report {
    /// The table: adapter, clock, bandwidth, one line per size and function, descent steps.
    pub fn table(&self) -> String {
        let mut t = String::new();
        let _ = writeln!(t, "adapter: {}", self.adapter);
        let _ = writeln!(t, "backend: {}", self.backend);
        let _ = writeln!(
            t,
            "GPU clock: {}; {} warm-up + {} timed runs each; times in ms, median (min–max)",
            match self.clock {
                Clock::Timestamp => "timestamp queries",
                Clock::Wall => "wall, submission to completion (no usable timestamps here)",
            },
            self.warmup,
            self.repeats
        );
        let _ = writeln!(
            t,
            "memory bandwidth: {:.1} GB/s ({})",
            self.bandwidth.bytes_per_s / 1e9,
            self.bandwidth.method
        );
        let _ = writeln!(
            t,
            "\n{:<10} {:<11} {:<24} {:<24} {:<24} {:<16} {:>9} {:<22} {:<22}",
            "size",
            "function",
            "field pass",
            "full frame",
            "steady frame",
            "CPU field (1 th)",
            "GPU/CPU",
            "full floor (MB, ms)",
            "steady floor (MB, ms)"
        );
        for r in &self.rows {
            let _ = writeln!(
                t,
                "{:<10} {:<11} {:<24} {:<24} {:<24} {:<16} {:>9} {:<22} {:<22}",
                format!("{}x{}", r.size.0, r.size.1),
                r.function,
                r.field.display(),
                r.full_frame.display(),
                r.steady_frame.display(),
                ms(r.cpu_field.median_ms),
                ratio(r.gpu_over_cpu),
                format!(
                    "{:.1}, {}",
                    r.full_floor_bytes as f64 / 1e6,
                    ms(r.full_floor_ms)
                ),
                format!(
                    "{:.1}, {}",
                    r.steady_floor_bytes as f64 / 1e6,
                    ms(r.steady_floor_ms)
                ),
            );
        }
        let rows = if self.clock == Clock::Timestamp {
            &self.rows[..]
        } else {
            &[]
        };
        if !rows.is_empty() {
            let _ = writeln!(t, "\nwall time (submission to completion):");
        }
        for r in rows {
            let _ = writeln!(
                t,
                "{:<10} {:<11} field {:<24} full {:<24} steady {}",
                format!("{}x{}", r.size.0, r.size.1),
                r.function,
                r.field_wall.display(),
                r.full_frame_wall.display(),
                r.steady_frame_wall.display()
            );
        }
        t.push_str(&super::detail::table(
            &self.detail,
            &self.rows,
            self.startup.as_ref(),
        ));
        t.push_str(&super::frame3d::table(&self.surface));
        t.push_str(&super::fit::table(&self.data));
        let _ = writeln!(t, "\nCPU descent, one step of every path (gd):");
        for d in &self.descent {
            let _ = writeln!(
                t,
                "{:<11} {} paths: {}",
                d.function,
                d.paths,
                d.step.display()
            );
        }
        t
    }

    /// The report as one JSON object.
    pub fn to_json(&self) -> String {
        let mut j = String::from("{\n");
        let _ = writeln!(j, "  \"adapter\": {},", string(&self.adapter));
        let _ = writeln!(j, "  \"backend\": {},", string(&self.backend));
        let _ = writeln!(j, "  \"clock\": {},", string(self.clock.name()));
        let _ = writeln!(j, "  \"repeats\": {},", self.repeats);
        let _ = writeln!(j, "  \"warmup\": {},", self.warmup);
        let _ = writeln!(
            j,
            "  \"bandwidth\": {{\"bytes_per_s\": {}, \"method\": {}}},",
            number(self.bandwidth.bytes_per_s),
            string(&self.bandwidth.method)
        );
        let rows: Vec<String> = self
            .rows
            .iter()
            .map(|r| {
                format!(
                    "    {{\"width\": {}, \"height\": {}, \"plot_width\": {}, \"plot_height\": {}, \
                     \"function\": {}, \"field\": {}, \"field_wall\": {}, \"full_frame\": {}, \"full_frame_wall\": {}, \
                     \"steady_frame\": {}, \"steady_frame_wall\": {}, \"cpu_field\": {}, \
                     \"gpu_over_cpu\": {}, \"full_floor_bytes\": {}, \"full_floor_ms\": {}, \
                     \"steady_floor_bytes\": {}, \"steady_floor_ms\": {}}}",
                    r.size.0,
                    r.size.1,
                    r.plot.0,
                    r.plot.1,
                    string(&r.function),
                    stats(&r.field),
                    stats(&r.field_wall),
                    stats(&r.full_frame),
                    stats(&r.full_frame_wall),
                    stats(&r.steady_frame),
                    stats(&r.steady_frame_wall),
                    stats(&r.cpu_field),
                    number(r.gpu_over_cpu),
                    r.full_floor_bytes,
                    number(r.full_floor_ms),
                    r.steady_floor_bytes,
                    number(r.steady_floor_ms),
                )
            })
            .collect();
        let _ = writeln!(j, "  \"rows\": [\n{}\n  ],", rows.join(",\n"));
        let detail = super::detail::json(&self.detail);
        let _ = writeln!(j, "  \"detail\": [\n{}\n  ],", detail.join(",\n"));
        let _ = writeln!(
            j,
            "  \"render_startup\": {},",
            self.startup.as_ref().map_or("null".into(), stats)
        );
        let detail = super::detail::json(&self.detail);
        let _ = writeln!(j, "  \"detail\": [\n{}\n  ],", detail.join(",\n"));
        let _ = writeln!(
            j,
            "  \"render_startup\": {},",
            self.startup.as_ref().map_or("null".into(), stats)
        );
        let surface: Vec<String> = self
            .surface
            .iter()
            .map(|r| {
                format!(
                    "    {{\"width\": {}, \"height\": {}, \"function\": {}, \"cells\": [{}, {}], \
                     \"coarse_cells\": [{}, {}], \"orbit\": {}, \"orbit_wall\": {}, \
                     \"orbit_coarse\": {}, \"mesh_rebuilt\": {}}}",
                    r.size.0,
                    r.size.1,
                    string(&r.function),
                    r.cells.0,
                    r.cells.1,
                    r.coarse_cells.0,
                    r.coarse_cells.1,
                    stats(&r.orbit),
                    stats(&r.orbit_wall),
                    stats(&r.coarse),
                    stats(&r.remesh),
                )
            })
            .collect();
        let _ = writeln!(j, "  \"surface\": [\n{}\n  ],", surface.join(",\n"));
        let descent: Vec<String> = self
            .descent
            .iter()
            .map(|d| {
                format!(
                    "    {{\"function\": {}, \"paths\": {}, \"step\": {}}}",
                    string(&d.function),
                    d.paths,
                    stats(&d.step)
                )
            })
            .collect();
        let _ = writeln!(j, "  \"descent\": [\n{}\n  ],", descent.join(",\n"));
        let data = super::fit::json(&self.data);
        let _ = writeln!(j, "  \"data\": [\n{}\n  ]", data.join(",\n"));
        j.push('}');
        j
    }
}

/// A ratio below 1 as "1/N" (N with three significant digits or so), else "N.NN".
fn ratio(v: f64) -> String {
    if v > 0.0 && v < 1.0 {
        format!("1/{}", ms(1.0 / v))
    } else {
        format!("{v:.2}")
    }
}

pub(crate) fn stats(s: &Stats) -> String {
    format!(
        "{{\"median_ms\": {}, \"min_ms\": {}, \"max_ms\": {}, \"runs\": {}}}",
        number(s.median_ms),
        number(s.min_ms),
        number(s.max_ms),
        s.runs
    )
}

/// A JSON number; JSON has no NaN or infinity, so those become null.
pub(crate) fn number(v: f64) -> String {
    if v.is_finite() {
        format!("{v:e}")
    } else {
        "null".into()
    }
}

/// A JSON string with quotes, backslashes and control characters escaped.
fn string(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            c if (c as u32) < 0x20 => {
                let _ = write!(out, "\\u{:04x}", c as u32);
            }
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strings_are_escaped_and_non_finite_numbers_are_null() {
        assert_eq!(string("a\"b\\c\nd"), "\"a\\\"b\\\\c\\u000ad\"");
        assert_eq!(number(f64::NAN), "null");
        assert_eq!(number(f64::INFINITY), "null");
        assert_eq!(number(1.5).parse::<f64>().ok(), Some(1.5));
        assert_eq!(ratio(0.01), "1/100");
        assert_eq!(ratio(2.0), "2.00");
    }
}
