//! Where a VM's text goes: `print`, `sys.stdout`/`sys.stderr`, and the tracebacks of
//! uncaught errors.
//!
//! The engine never writes to a console itself; the host gives it an [`Output`] (a
//! console, a log window, a test buffer). Without one, output is discarded.

use alloc::string::String;
use alloc::sync::Arc;

/// The two streams a script writes to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Stream {
    Stdout,
    Stderr,
}

/// A destination for script output, supplied by the host. `Send`, so a VM can move to
/// another thread with its output.
pub trait Output: Send {
    fn write(&mut self, stream: Stream, text: &str);

    /// Pushes out whatever the host buffered of `stream` (`sys.stdout.flush()`,
    /// `print(..., flush=True)`). Hosts that buffer nothing need not implement it.
    fn flush(&mut self, _stream: Stream) {}
}

/// Collects both streams in memory, readable by the host while the VM writes (for tests,
/// and for hosts that show output later). Clones share one buffer.
#[derive(Debug, Default, Clone)]
pub struct Captured {
    streams: Arc<spin::Mutex<(String, String)>>,
}

impl Captured {
    /// Everything written to stdout so far.
    pub fn stdout(&self) -> String {
        self.streams.lock().0.clone()
    }

    /// Everything written to stderr so far.
    pub fn stderr(&self) -> String {
        self.streams.lock().1.clone()
    }
}

impl Output for Captured {
    fn write(&mut self, stream: Stream, text: &str) {
        let mut streams = self.streams.lock();
        match stream {
            Stream::Stdout => streams.0.push_str(text),
            Stream::Stderr => streams.1.push_str(text),
        }
    }
}
