//! The explorer's setting of the C allocator, made before the window and the GPU start.

/// Keeps glibc's allocator to one arena. With one per thread (the software GPU's workers
/// among them) the memory freed after each edit of the function was kept in the arenas and
/// the explorer grew by ~1.4 MB each time a 180-character formula was typed; with one arena
/// it stays flat (measured under Xvfb on lavapipe).
pub(crate) fn one_malloc_arena() {
    #[cfg(all(target_os = "linux", target_env = "gnu"))]
    {
        const M_ARENA_MAX: i32 = -8;
        extern "C" {
            fn mallopt(param: i32, value: i32) -> i32;
        }
        // SAFETY: mallopt only changes an allocator setting; it is called before the window,
        // the GPU and their threads exist.
        unsafe {
            mallopt(M_ARENA_MAX, 1);
        }
    }
}
