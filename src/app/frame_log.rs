//! The optional frame-time log (`GRADFIELD_FRAME_LOG`): frame times, what the paths cost and
//! the process's resident memory, printed about once a second for the soak tests to read.

use std::time::Duration;

use crate::render::PathStats;

/// Frame times printed to stderr about once a second when `GRADFIELD_FRAME_LOG` is set, with
/// what the paths cost the busiest frame (instances drawn, bytes uploaded) and the process's
/// resident memory (where /proc tells it): what the soak tests read.
pub(crate) struct FrameLog {
    enabled: bool,
    times: Vec<Duration>,
    dragging: bool,
    instances: u64,
    uploaded: u64,
    pipelines: u64,
}

/// What a frame's work was, for [`FrameLog::record`].
#[derive(Debug, Clone, Copy, Default)]
pub(crate) struct FrameCost {
    /// What the paths uploaded and drew.
    pub paths: PathStats,
    /// Field pipelines built since the start (see `gpu::FieldPass::pipelines_built`).
    pub pipelines_built: u64,
}

impl FrameLog {
    /// Enabled by the environment variable `GRADFIELD_FRAME_LOG`.
    pub(crate) fn from_env() -> FrameLog {
        FrameLog {
            enabled: std::env::var_os("GRADFIELD_FRAME_LOG").is_some(),
            times: Vec::new(),
            dragging: false,
            instances: 0,
            uploaded: 0,
            pipelines: 0,
        }
    }

    /// Records one frame's CPU time (egui + encode + submit + present), its path work and how
    /// many field pipelines the renderer has built so far.
    pub(crate) fn record(
        &mut self,
        t: Duration,
        size: (u32, u32),
        dragging: bool,
        work: FrameCost,
    ) {
        let paths = work.paths;
        self.pipelines = work.pipelines_built;
        if !self.enabled {
            return;
        }
        self.times.push(t);
        self.dragging |= dragging;
        self.instances = self.instances.max(paths.instances);
        self.uploaded = self.uploaded.max(paths.uploaded_bytes);
        let total: Duration = self.times.iter().sum();
        if total >= Duration::from_secs(1) {
            let n = self.times.len() as f64;
            let max = self.times.iter().max().copied().unwrap_or_default();
            let rss = resident_mb().map_or(String::new(), |mb| format!(", rss {mb:.1} MB"));
            eprintln!(
                "frame time {}×{}: mean {:.1} ms, max {:.1} ms over {} frames{}; paths: at most \
                 {} instances and {} bytes uploaded a frame; {} field pipelines built{rss}",
                size.0,
                size.1,
                total.as_secs_f64() * 1e3 / n,
                max.as_secs_f64() * 1e3,
                self.times.len(),
                if self.dragging { " (dragging)" } else { "" },
                self.instances,
                self.uploaded,
                self.pipelines,
            );
            self.times.clear();
            self.dragging = false;
            self.instances = 0;
            self.uploaded = 0;
        }
    }
}

/// The process's resident set size in MB (VmRSS of /proc/self/status), where there is one.
pub(crate) fn resident_mb() -> Option<f64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with("VmRSS:"))?;
    let kb: f64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kb / 1024.0)
}
