//! Ctrl+C (SIGINT), SIGTERM and SIGHUP end a command cleanly: a signal thread removes every
//! temporary file being written (`crate::export::abandon_all`), long loops see
//! `check` fail and return, and `main` exits with 128 + the signal (130 for Ctrl+C). A
//! command that does not stop within [`GRACE`] (a second signal half a second or more after
//! the first: at once) is ended there, its files already removed. SIGXFSZ (a file-size limit) is ignored, so a write past the
//! limit fails with EFBIG and goes the ordinary error path: temporary file removed, exit 1.

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicI32, Ordering};
use std::time::Duration;

/// How long a command has to return after a signal before gradfield ends itself.
pub const GRACE: Duration = Duration::from_secs(3);

/// The first signal received (0: none).
static RECEIVED: AtomicI32 = AtomicI32::new(0);

/// The signal received, if any.
pub fn received() -> Option<i32> {
    match RECEIVED.load(Ordering::SeqCst) {
        0 => None,
        s => Some(s),
    }
}

/// `Err(Error::Interrupted)` once a signal was received: long loops call it between steps.
pub(crate) fn check() -> Result<()> {
    match received() {
        Some(_) => Err(Error::Interrupted),
        None => Ok(()),
    }
}

/// The exit code after `signal`: 128 + its number, as a shell reports a process it ended.
pub fn exit_code(signal: i32) -> u8 {
    u8::try_from(128 + signal).unwrap_or(1)
}

/// The signal's name for the message (`SIGINT`).
pub fn name(signal: i32) -> &'static str {
    #[cfg(unix)]
    match signal {
        libc::SIGINT => return "SIGINT (Ctrl+C)",
        libc::SIGTERM => return "SIGTERM",
        libc::SIGHUP => return "SIGHUP",
        _ => {}
    }
    let _ = signal;
    "a signal"
}

/// Installs the handling; must run first in `main`, before any thread starts, so that every
/// thread inherits the blocked signals and only the signal thread receives them. `grace` is
/// how long a command may take to return after a signal ([`GRACE`]; zero for the explorer,
/// which has nothing to finish).
pub fn install(grace: Duration) {
    #[cfg(unix)]
    unix::install(grace);
    #[cfg(not(unix))]
    let _ = grace;
}

#[cfg(unix)]
mod unix {
    use super::RECEIVED;
    use std::sync::atomic::Ordering;
    use std::time::Duration;

    pub(super) fn install(grace: Duration) {
        // SAFETY: plain libc calls on a zeroed, then initialised, signal set owned here;
        // setting SIGXFSZ to SIG_IGN and blocking three signals have no other effect.
        let set = unsafe {
            libc::signal(libc::SIGXFSZ, libc::SIG_IGN);
            let mut set: libc::sigset_t = std::mem::zeroed();
            libc::sigemptyset(&mut set);
            for s in [libc::SIGINT, libc::SIGTERM, libc::SIGHUP] {
                libc::sigaddset(&mut set, s);
            }
            if libc::pthread_sigmask(libc::SIG_BLOCK, &set, std::ptr::null_mut()) != 0 {
                return;
            }
            set
        };
        let spawned = std::thread::Builder::new()
            .name("gradfield-signals".into())
            .spawn(move || wait_for_signals(set, grace));
        if spawned.is_err() {
            // No thread to receive them: let the signals act as they did before.
            // SAFETY: unblocks what was blocked above.
            unsafe { libc::pthread_sigmask(libc::SIG_UNBLOCK, &set, std::ptr::null_mut()) };
        }
    }

    fn wait_for_signals(set: libc::sigset_t, grace: Duration) {
        let first = next_signal(&set);
        RECEIVED.store(first, Ordering::SeqCst);
        crate::export::abandon_all();
        if grace.is_zero() {
            end(first, "");
        }
        let _ = std::thread::Builder::new()
            .name("gradfield-grace".into())
            .spawn(move || {
                std::thread::sleep(grace);
                end(
                    first,
                    &format!(" (it did not stop within {} s)", grace.as_secs()),
                );
            });
        // `timeout` and a terminal may deliver one signal twice (to the process and to its
        // group): only a signal at least half a second after the first ends at once.
        let received = std::time::Instant::now();
        loop {
            next_signal(&set);
            if received.elapsed() >= Duration::from_millis(500) {
                end(first, " (a second signal)");
            }
        }
    }

    fn next_signal(set: &libc::sigset_t) -> libc::c_int {
        loop {
            let mut sig: libc::c_int = 0;
            // SAFETY: `set` is an initialised signal set; sigwait writes `sig`.
            if unsafe { libc::sigwait(set, &mut sig) } == 0 {
                return sig;
            }
        }
    }

    /// Ends the process now, without running exit handlers (a GPU driver's could wait on
    /// work in flight); the temporary files are already gone.
    fn end(signal: i32, why: &str) -> ! {
        crate::cli::out::eprint_line(&format!(
            "error: stopped by {}{why}; no unfinished file was left",
            super::name(signal)
        ));
        // SAFETY: _exit ends the process; nothing runs after it.
        unsafe { libc::_exit(128 + signal) }
    }
}
