//! wgpu's pipeline cache, kept in the user's cache directory so that a later process builds
//! its pipelines from the driver's compiled code instead of compiling them again (a real GPU's
//! start-up; lavapipe keeps its own disk cache of shaders as well). The file is named by
//! `wgpu::util::pipeline_cache_key` (the adapter's backend, vendor and device) under
//! `$XDG_CACHE_HOME/gradfield` or `~/.cache/gradfield`; a stale, truncated or corrupt file is
//! checked by wgpu (its header names the driver and the data's size) and an empty cache is
//! used instead (`fallback`). Nothing here is fatal: without a cache directory, a readable
//! file or the adapter's support, pipelines are simply built without one.
//!
//! Every pipeline is built through `gpu::shader`, which looks up the cache of its device here
//! ([`for_device`]); a `Gpu` registers its cache on creation and the entry goes with the last
//! clone of that `Gpu`, after the cache's data has been written back ([`Registered::drop`]).

use std::path::PathBuf;
use std::sync::Mutex;

/// The largest cache file read (a driver's cache of gradfield's pipelines is far smaller).
const MAX_BYTES: u64 = 64 << 20;

/// The devices with a pipeline cache.
static CACHES: Mutex<Vec<(wgpu::Device, wgpu::PipelineCache)>> = Mutex::new(Vec::new());

/// The cache of `device`, if it has one.
pub(crate) fn for_device(device: &wgpu::Device) -> Option<wgpu::PipelineCache> {
    let caches = CACHES.lock().ok()?;
    caches
        .iter()
        .find(|(d, _)| d == device)
        .map(|(_, c)| c.clone())
}

/// Where the cache of `adapter` lives, if the backend has caches and a cache directory exists.
pub(crate) fn path(adapter: &wgpu::AdapterInfo) -> Option<PathBuf> {
    let name = wgpu::util::pipeline_cache_key(adapter)?;
    let base = std::env::var_os("XDG_CACHE_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|h| PathBuf::from(h).join(".cache")))?;
    Some(base.join("gradfield").join(name))
}

/// A device's registered cache; dropping it writes the cache back and unregisters it.
pub(crate) struct Registered {
    device: wgpu::Device,
    cache: wgpu::PipelineCache,
    path: PathBuf,
}

impl std::fmt::Debug for Registered {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Registered")
            .field("path", &self.path)
            .finish()
    }
}

/// Opens the cache of `adapter` for `device` (which was made with `PIPELINE_CACHE`) and
/// registers it; `None` where there is none to be had.
pub(crate) fn open(adapter: &wgpu::Adapter, device: &wgpu::Device) -> Option<Registered> {
    if !device.features().contains(wgpu::Features::PIPELINE_CACHE) {
        return None;
    }
    let path = path(&adapter.get_info())?;
    let data = std::fs::metadata(&path)
        .ok()
        .filter(|m| m.len() <= MAX_BYTES)
        .and_then(|_| std::fs::read(&path).ok());
    let scope = device.push_error_scope(wgpu::ErrorFilter::Validation);
    // SAFETY: the data is only ever what `PipelineCache::get_data` of an adapter with the same
    // `pipeline_cache_key` returned (written by `Registered::save` under that name); wgpu checks
    // its header (driver, version, size) and, with `fallback`, starts empty when it does not fit.
    let cache = unsafe {
        device.create_pipeline_cache(&wgpu::PipelineCacheDescriptor {
            label: Some("gradfield pipeline cache"),
            data: data.as_deref(),
            fallback: true,
        })
    };
    if pollster::block_on(scope.pop()).is_some() {
        return None;
    }
    if let Ok(mut caches) = CACHES.lock() {
        caches.push((device.clone(), cache.clone()));
    }
    Some(Registered {
        device: device.clone(),
        cache,
        path,
    })
}

impl Registered {
    /// Writes the cache's data to its file (a temporary file renamed into place, so a reader
    /// never sees half of it). Failures are ignored: the cache only saves time.
    pub(crate) fn save(&self) {
        let Some(data) = self.cache.get_data() else {
            return;
        };
        let Some(dir) = self.path.parent() else {
            return;
        };
        if std::fs::create_dir_all(dir).is_err() {
            return;
        }
        // Unique within the process too: devices of several threads may save at once.
        static SAVES: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let n = SAVES.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let tmp = self
            .path
            .with_extension(format!("tmp-{}-{n}", std::process::id()));
        if std::fs::write(&tmp, &data).is_ok() && std::fs::rename(&tmp, &self.path).is_ok() {
            return;
        }
        let _ = std::fs::remove_file(&tmp);
    }
}

impl Drop for Registered {
    fn drop(&mut self) {
        self.save();
        if let Ok(mut caches) = CACHES.lock() {
            caches.retain(|(d, _)| d != &self.device);
        }
    }
}
