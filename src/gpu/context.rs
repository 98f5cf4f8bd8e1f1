//! Adapter and device: headless (tests, command line) or compatible with a window surface
//! (the explorer). Honours `WGPU_BACKEND` and `WGPU_ADAPTER_NAME`, prefers a real GPU and falls
//! back to any adapter, software ones (lavapipe) included. Device errors outside an error
//! scope are recorded (bounded), never panicked on, and reported by the next operation that
//! checks, which names itself and says they came from earlier GPU work.

use std::sync::{Arc, Mutex};

use crate::error::{Error, GpuError, Result};

/// How many errors reported outside an error scope are kept until they are taken; later ones
/// are only counted, so a driver that reports an error every frame cannot grow memory.
pub(crate) const MAX_KEPT_ERRORS: usize = 16;

/// What went wrong on the device outside an error scope, shared with wgpu's callbacks.
#[derive(Debug, Default)]
struct Health {
    lost: Option<String>,
    errors: Vec<wgpu::Error>,
    /// Errors past [`MAX_KEPT_ERRORS`] since the last take, counted but not kept.
    dropped: usize,
}

impl Health {
    fn record(&mut self, error: wgpu::Error) {
        if self.errors.len() < MAX_KEPT_ERRORS {
            self.errors.push(error);
        } else {
            self.dropped += 1;
        }
    }

    /// The kept errors (oldest first), a line counting the dropped ones, and the loss.
    fn take(&mut self) -> Vec<String> {
        let mut all: Vec<String> = self.errors.drain(..).map(|e| e.to_string()).collect();
        let dropped = std::mem::take(&mut self.dropped);
        if dropped > 0 {
            all.push(format!("and {dropped} more errors"));
        }
        all.extend(self.lost.iter().map(|l| format!("device lost: {l}")));
        all
    }

    /// The kept errors and the loss as the error of `op`, which found them; `None` when
    /// there is nothing to report. Empties the list and the count, as [`Health::take`].
    fn take_as_error(&mut self, op: &'static str) -> Option<GpuError> {
        let dropped = std::mem::take(&mut self.dropped);
        let mut errors = std::mem::take(&mut self.errors).into_iter();
        match errors.next() {
            Some(first) => Some(GpuError::Uncaptured {
                op,
                first: Box::new(first),
                rest: errors.collect(),
                dropped,
                lost: self.lost.clone(),
            }),
            None => self
                .lost
                .clone()
                .map(|reason| GpuError::Lost { op, reason }),
        }
    }
}

/// An adapter, its device and queue, and the device's health. A clone shares them (a worker
/// thread can draw on the same device).
#[derive(Clone)]
pub struct Gpu {
    pub instance: wgpu::Instance,
    pub adapter: wgpu::Adapter,
    pub device: wgpu::Device,
    pub queue: wgpu::Queue,
    health: Arc<Mutex<Health>>,
    /// The device's pipeline cache, written back when the last clone goes
    /// (`gpu/pipeline_cache.rs`).
    pipeline_cache: Option<Arc<super::pipeline_cache::Registered>>,
}

impl Gpu {
    /// A device without a window, on the adapter chosen as described in the module docs.
    /// Without `WGPU_BACKEND` the primary backends (Vulkan, Metal, DX12) are asked first and
    /// OpenGL only when they have no adapter: setting up OpenGL (EGL and its driver) costs a
    /// command's start-up about 10 ms on lavapipe.
    pub fn headless() -> Result<Gpu> {
        let desc = wgpu::InstanceDescriptor::new_without_display_handle_from_env;
        if wgpu::Backends::from_env().is_none() {
            let mut primary = desc();
            primary.backends = wgpu::Backends::PRIMARY;
            let instance = wgpu::Instance::new(primary);
            let found =
                pollster::block_on(choose_adapter_of(&instance, None, wgpu::Backends::PRIMARY));
            if let Ok(adapter) = found {
                return Gpu::with_adapter(instance, adapter);
            }
        }
        let instance = wgpu::Instance::new(desc());
        let adapter = pollster::block_on(choose_adapter(&instance, None))?;
        Gpu::with_adapter(instance, adapter)
    }

    /// A device whose adapter can present to `surface` (created from `instance`).
    pub(crate) fn for_surface(
        instance: wgpu::Instance,
        surface: &wgpu::Surface<'_>,
    ) -> Result<Gpu> {
        let adapter = pollster::block_on(choose_adapter(&instance, Some(surface)))?;
        Gpu::with_adapter(instance, adapter)
    }

    fn with_adapter(instance: wgpu::Instance, adapter: wgpu::Adapter) -> Result<Gpu> {
        // Everything the adapter offers: the renderer needs storage buffers in fragment
        // shaders and bindings as large as a 4K field (133 MB), which default limits may not give.
        // Timestamp queries, where offered, let `gradfield bench` time GPU work exactly.
        let needed = adapter.limits();
        let (device, queue) = pollster::block_on(adapter.request_device(&wgpu::DeviceDescriptor {
            label: Some("Gpu::device"),
            required_features: adapter.features()
                & (wgpu::Features::TIMESTAMP_QUERY | wgpu::Features::PIPELINE_CACHE),
            required_limits: needed,
            ..Default::default()
        }))
        .map_err(GpuError::RequestDevice)?;

        let health = Arc::new(Mutex::new(Health::default()));
        let h = health.clone();
        device.on_uncaptured_error(Arc::new(move |e: wgpu::Error| {
            if let Ok(mut h) = h.lock() {
                h.record(e);
            }
        }));
        let h = health.clone();
        device.set_device_lost_callback(move |reason, msg| {
            if let Ok(mut h) = h.lock() {
                h.lost = Some(if msg.is_empty() {
                    format!("{reason:?}")
                } else {
                    format!("{reason:?}: {msg}")
                });
            }
        });
        let pipeline_cache = super::pipeline_cache::open(&adapter, &device).map(Arc::new);
        Ok(Gpu {
            instance,
            adapter,
            device,
            queue,
            health,
            pipeline_cache,
        })
    }

    /// Writes the pipeline cache to its file now (it is written when the last clone of this
    /// `Gpu` goes too); for a process that ends without dropping its device.
    pub fn save_pipeline_cache(&self) {
        if let Some(c) = &self.pipeline_cache {
            c.save();
        }
    }

    /// Name, backend, device type and driver of the adapter, for logs and benchmarks.
    pub fn adapter_summary(&self) -> String {
        let i = self.adapter.get_info();
        format!(
            "{} ({:?}, {:?}, driver {} {})",
            i.name, i.backend, i.device_type, i.driver, i.driver_info
        )
    }

    /// True for a GPU emulated on the CPU (Mesa's lavapipe, SwiftShader): what the
    /// explorer's level of detail budgets for.
    pub fn is_software(&self) -> bool {
        self.adapter.get_info().device_type == wgpu::DeviceType::Cpu
    }

    /// True once the device has been lost; nothing submitted since will run.
    pub fn is_lost(&self) -> bool {
        self.health.lock().map(|h| h.lost.is_some()).unwrap_or(true)
    }

    /// Why the device was lost, once it has been.
    pub(crate) fn lost_reason(&self) -> Option<String> {
        match self.health.lock() {
            Ok(h) => h.lost.clone(),
            Err(_) => Some("device state unavailable".into()),
        }
    }

    /// Errors reported outside an error scope since the last call (oldest first), and the
    /// reason the device was lost, if it was.
    pub fn take_errors(&self) -> Vec<String> {
        match self.health.lock() {
            Ok(mut h) => h.take(),
            Err(_) => vec!["device state unavailable".into()],
        }
    }

    /// `Err(Error::Gpu)` when the device is lost or an uncaptured error was reported, for a
    /// caller that has no one operation to name (see `Gpu::check_after`).
    pub fn check(&self) -> Result<()> {
        self.check_after("a GPU check")
    }

    /// `Err(Error::Gpu)` naming `op` (what the caller just did, "reading back the field") when
    /// the device is lost or errors were raised outside an error scope since the last check:
    /// the message says they come from earlier GPU work, not from `op` itself.
    pub(crate) fn check_after(&self, op: &'static str) -> Result<()> {
        let found = match self.health.lock() {
            Ok(mut h) => h.take_as_error(op),
            Err(_) => Some(GpuError::Lost {
                op,
                reason: "device state unavailable".into(),
            }),
        };
        found.map_or(Ok(()), |e| Err(Error::Gpu(e)))
    }
}

/// For a process that never opens a window: turns off Mesa's Vulkan device-select layer
/// (`NODEVICE_SELECT=1`), which otherwise connects to the Wayland and X displays while the
/// adapters are listed, only to put the display's GPU first, and prints "error:
/// XDG_RUNTIME_DIR is invalid…" when there is no desktop session. gradfield picks its own
/// adapter ([`Gpu::headless`]), so nothing is lost; a user who steers the layer
/// (`MESA_VK_DEVICE_SELECT`, `NODEVICE_SELECT`) keeps it as set. Sets an environment
/// variable, so call it before the process starts any thread.
pub fn skip_display_probe() {
    let steered = ["MESA_VK_DEVICE_SELECT", "NODEVICE_SELECT"]
        .iter()
        .any(|v| std::env::var_os(v).is_some());
    if !steered {
        std::env::set_var("NODEVICE_SELECT", "1");
    }
}

/// `WGPU_ADAPTER_NAME` (substring, case-insensitive) if set; else a real GPU before a software
/// one; for a surface, only adapters that can present to it.
async fn choose_adapter(
    instance: &wgpu::Instance,
    surface: Option<&wgpu::Surface<'_>>,
) -> Result<wgpu::Adapter> {
    let backends = wgpu::Backends::from_env().unwrap_or(wgpu::Backends::all());
    choose_adapter_of(instance, surface, backends).await
}

async fn choose_adapter_of(
    instance: &wgpu::Instance,
    surface: Option<&wgpu::Surface<'_>>,
    backends: wgpu::Backends,
) -> Result<wgpu::Adapter> {
    let wanted = std::env::var("WGPU_ADAPTER_NAME")
        .ok()
        .map(|s| s.to_lowercase());
    let mut adapters: Vec<wgpu::Adapter> = instance
        .enumerate_adapters(backends)
        .await
        .into_iter()
        .filter(|a| surface.is_none_or(|s| a.is_surface_supported(s)))
        .collect();
    let names: Vec<String> = adapters.iter().map(|a| a.get_info().name).collect();
    if let Some(w) = &wanted {
        adapters.retain(|a| a.get_info().name.to_lowercase().contains(w.as_str()));
        if adapters.is_empty() {
            return Err(Error::NoAdapter(format!(
                "WGPU_ADAPTER_NAME={w} matches no adapter (found: {})",
                names.join(", ")
            )));
        }
    }
    adapters.sort_by_key(|a| rank(a.get_info().device_type));
    adapters.into_iter().next().ok_or_else(|| {
        Error::NoAdapter(format!(
            "no GPU adapter found (backends tried: {backends:?}). On a machine without a GPU, \
             install Mesa's software Vulkan driver: sudo apt-get install mesa-vulkan-drivers"
        ))
    })
}

fn rank(t: wgpu::DeviceType) -> u8 {
    match t {
        wgpu::DeviceType::DiscreteGpu => 0,
        wgpu::DeviceType::IntegratedGpu => 1,
        wgpu::DeviceType::VirtualGpu => 2,
        wgpu::DeviceType::Other => 3,
        wgpu::DeviceType::Cpu => 4,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn validation(i: usize) -> wgpu::Error {
        wgpu::Error::Validation {
            source: format!("source {i}").into(),
            description: format!("error {i}"),
        }
    }

    #[test]
    fn errors_outside_a_scope_are_bounded_and_counted() {
        let mut h = Health::default();
        for i in 0..10_000 {
            h.record(validation(i));
        }
        assert_eq!(h.errors.len(), MAX_KEPT_ERRORS);
        let taken = h.take();
        assert_eq!(taken.len(), MAX_KEPT_ERRORS + 1);
        assert!(taken[0].contains("error 0"), "{}", taken[0]);
        assert_eq!(
            taken.last().map(String::as_str),
            Some(format!("and {} more errors", 10_000 - MAX_KEPT_ERRORS).as_str())
        );
        assert!(h.take().is_empty(), "taking empties the list and the count");
    }

    #[test]
    fn the_operation_that_finds_uncaptured_errors_names_itself_and_keeps_the_source() {
        let mut h = Health::default();
        assert!(h.take_as_error("reading back the field").is_none());
        for i in 0..MAX_KEPT_ERRORS + 3 {
            h.record(validation(i));
        }
        let e = h
            .take_as_error("reading back the field")
            .expect("errors were kept");
        let text = e.to_string();
        assert!(
            text.starts_with("reading back the field found errors from earlier GPU work"),
            "{text}"
        );
        assert!(text.contains("error 0; error 1;"), "{text}");
        assert!(text.ends_with("and 3 more errors"), "{text}");
        let source = std::error::Error::source(&e).expect("the first wgpu error is the source");
        assert!(source.to_string().contains("error 0"), "{source}");
        assert!(
            h.take_as_error("again").is_none(),
            "taking empties the list and the count"
        );
        h.lost = Some("Destroyed".into());
        let lost = h
            .take_as_error("submitting a frame")
            .expect("the loss is reported");
        assert_eq!(
            lost.to_string(),
            "submitting a frame: the GPU device was lost (Destroyed)"
        );
    }
}
