//! Waiting for the terminal: keys, nothing yet, or the terminal is gone.
//!
//! crossterm 0.29 reads a terminal that has hung up (its window closed, tmux killed) in a
//! loop that never returns: the samrad left behind would spin a core for ever and never
//! quit. So the loop waits on the terminal itself with poll(2), sees the hang-up, and asks
//! crossterm for events only when there is something to read or the size changed.

use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

pub enum Ready {
    /// Keys (or other bytes) to read, or a resize to take.
    Events,
    /// Nothing within the wait.
    Idle,
    /// The terminal is gone: nobody can type into this samrad again.
    Gone,
}

/// The terminal samrad reads keys from, watched for input and for a hang-up.
pub struct Input {
    /// Standard input, when it is the terminal (crossterm then reads it); else crossterm
    /// reads `/dev/tty`, and waiting is left to crossterm.
    stdin_tty: bool,
    resized: Arc<AtomicBool>,
}

impl Input {
    pub fn new() -> Input {
        let resized = Arc::new(AtomicBool::new(false));
        #[cfg(unix)]
        let _ = signal_hook::flag::register(signal_hook::consts::SIGWINCH, Arc::clone(&resized));
        Input {
            stdin_tty: std::io::IsTerminal::is_terminal(&std::io::stdin()),
            resized,
        }
    }

    /// Wait up to `wait` for something from the terminal.
    pub fn wait(&self, wait: Duration) -> std::io::Result<Ready> {
        if !self.stdin_tty {
            return Ok(match crossterm_poll(wait)? {
                true => Ready::Events,
                false => Ready::Idle,
            });
        }
        // Not crossterm first: on a hung-up terminal its poll would never return. The loop
        // takes every event crossterm holds each time it reads (`drain`).
        let ready = wait_on_stdin(wait);
        if self.resized.swap(false, Ordering::Relaxed) && !matches!(ready, Ready::Gone) {
            return Ok(Ready::Events);
        }
        Ok(ready)
    }

    /// Every event the terminal has now (on `Ready::Events`). The terminal is looked at for
    /// a hang-up again before each read: one that comes after the wait saw a key (a window
    /// closed as it was typed into) would leave crossterm reading for ever.
    pub fn drain(&self) -> std::io::Result<Vec<ratatui::crossterm::event::Event>> {
        let hung_up = || self.stdin_tty && matches!(wait_on_stdin(Duration::ZERO), Ready::Gone);
        let mut events = Vec::new();
        while !hung_up() && crossterm_poll(Duration::ZERO)? && !hung_up() {
            events.push(ratatui::crossterm::event::read()?);
        }
        Ok(events)
    }
}

/// The terminal is gone: what samrad still writes to it (giving it back, a last message)
/// goes nowhere, instead of failing (`eprintln!` panics on a closed terminal).
#[cfg(unix)]
pub fn silence() {
    use std::os::fd::AsRawFd;
    if let Ok(null) = std::fs::OpenOptions::new().write(true).open("/dev/null") {
        for fd in [libc::STDOUT_FILENO, libc::STDERR_FILENO] {
            // SAFETY: both descriptors are valid; dup2 only repoints `fd`.
            unsafe { libc::dup2(null.as_raw_fd(), fd) };
        }
    }
}

#[cfg(not(unix))]
pub fn silence() {}

fn crossterm_poll(wait: Duration) -> std::io::Result<bool> {
    ratatui::crossterm::event::poll(wait)
}

#[cfg(unix)]
fn wait_on_stdin(wait: Duration) -> Ready {
    let mut fd = libc::pollfd {
        fd: libc::STDIN_FILENO,
        events: libc::POLLIN,
        revents: 0,
    };
    let ms = i32::try_from(wait.as_millis()).unwrap_or(i32::MAX);
    // SAFETY: one valid pollfd, its count 1, for the duration of the call.
    let n = unsafe { libc::poll(&mut fd, 1, ms) };
    if n <= 0 {
        // Nothing, or a signal came (EINTR): the loop looks at its flags and comes back.
        return Ready::Idle;
    }
    if fd.revents & (libc::POLLHUP | libc::POLLERR | libc::POLLNVAL) != 0 {
        Ready::Gone
    } else {
        Ready::Events
    }
}

#[cfg(not(unix))]
fn wait_on_stdin(wait: Duration) -> Ready {
    match crossterm_poll(wait) {
        Ok(true) => Ready::Events,
        _ => Ready::Idle,
    }
}
