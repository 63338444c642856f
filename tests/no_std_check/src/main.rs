//! mote-no-std-check: proves that `mote` and everything it depends on build without `std`.
//!
//! This binary is `#![no_std]` and defines its own `#[panic_handler]`. If any crate in
//! mote's dependency graph links `std`, std's panic handler comes along too and the build
//! fails with "found duplicate lang item `panic_impl`". A clean build is the proof; running
//! it then shows the engine also *works* with nothing but `core`, `alloc`, and a global
//! allocator the host supplies (here: a bump allocator over a static array).
//!
//! It links only the C runtime (`crt1.o` calls our `main`) and two libc functions,
//! `write` and `abort`, so that it runs as an ordinary process on the x86_64 Linux host.
//!
//! Exit status: 0 when every check passes; otherwise a message on stderr and the status
//! of the failed check (see [`Failure`]); a panic aborts (SIGABRT).
#![no_std]
#![no_main]
#![deny(clippy::undocumented_unsafe_blocks)]

extern crate alloc;

use core::alloc::{GlobalAlloc, Layout};
use core::cell::UnsafeCell;
use core::ffi::{c_char, c_int, c_void};
use core::fmt::{self, Write};
use core::panic::PanicInfo;
use core::sync::atomic::{AtomicUsize, Ordering};

// {=========================================================================
// libc: the only outside code this binary uses.
// ==========================================================================

#[link(name = "c")]
extern "C" {
    fn write(fd: c_int, buf: *const c_void, count: usize) -> isize;
    fn abort() -> !;
}

/// A file descriptor written with libc `write`, for `core::fmt` output without std.
struct Fd(c_int);

impl Write for Fd {
    fn write_str(&mut self, text: &str) -> fmt::Result {
        let mut rest = text.as_bytes();
        while !rest.is_empty() {
            // SAFETY: `rest` is a live byte slice, so its pointer is valid for reads of
            // `rest.len()` bytes for the duration of the call; `write` only reads them.
            let written = unsafe { write(self.0, rest.as_ptr().cast(), rest.len()) };
            if written <= 0 {
                return Err(fmt::Error);
            }
            rest = &rest[written as usize..];
        }
        Ok(())
    }
}

const STDOUT: c_int = 1;
const STDERR: c_int = 2;

// {=========================================================================
// Panics: without std there is no unwinding (`panic = "abort"` in Cargo.toml).
// ==========================================================================

#[panic_handler]
fn panic(info: &PanicInfo<'_>) -> ! {
    let _ = writeln!(Fd(STDERR), "mote-no-std-check: {info}");
    // SAFETY: `abort` has no preconditions; it ends the process and never returns.
    unsafe { abort() }
}

/// The unwinder's personality routine, which the precompiled `alloc` (built for
/// `panic = "unwind"`) still names in its unwind tables, so without it the link fails
/// with "undefined symbol: rust_eh_personality" (a fat-LTO release build happens to drop
/// the reference; a dev build does not). It is never called: with `panic = "abort"`
/// nothing unwinds. If std were linked it would bring its own, but the duplicate
/// `panic_impl` error stops the build before linking.
#[no_mangle]
extern "C" fn rust_eh_personality() {}

/// The same for the unwinder's resume routine, which the precompiled `alloc`'s cleanup
/// paths (`format!`, reachable from the cycle detector's reports) call after a landing
/// pad. Never called: with `panic = "abort"` nothing unwinds, so no landing pad runs.
#[no_mangle]
extern "C" fn _Unwind_Resume() -> ! {
    // SAFETY: `abort` has no preconditions; it ends the process and never returns.
    unsafe { abort() }
}

// {=========================================================================
// The host heap: a bump allocator over a static array.
//
// Blocks are carved off the front of `ARENA` in address order and never reused, except
// that freeing the most recently carved block hands its bytes back (so a growing `Vec`
// that reallocates does not eat the arena). It counts live blocks, so the check can see
// that a VM gives back every host allocation when it is torn down.
// ==========================================================================

/// Bytes of host heap: the script region (64 KiB) plus the VM's own bookkeeping, with room.
const ARENA_BYTES: usize = 1 << 20;

/// The memory handed out by [`BumpAllocator`].
#[repr(C, align(16))]
struct Arena(UnsafeCell<[u8; ARENA_BYTES]>);

// SAFETY: the arena's bytes are only reached through pointers returned by
// `BumpAllocator::alloc`, and the atomic compare-exchange on `BumpAllocator::next` hands each
// byte range to exactly one caller, so no two threads ever get the same bytes.
unsafe impl Sync for Arena {}

static ARENA: Arena = Arena(UnsafeCell::new([0; ARENA_BYTES]));

struct BumpAllocator {
    /// Offset of the first unused byte in `ARENA`; only grows, except when the last block
    /// is freed. Always `<= ARENA_BYTES`.
    next: AtomicUsize,
    /// Blocks allocated and not yet freed.
    live_blocks: AtomicUsize,
    /// Highest value `next` has reached: the host heap this run needed.
    peak: AtomicUsize,
}

impl BumpAllocator {
    fn base(&self) -> *mut u8 {
        ARENA.0.get().cast::<u8>()
    }
}

// SAFETY: `alloc` returns either null or a block of `layout.size()` bytes at
// `layout.align()` alignment inside `ARENA`, which lives for the whole program; the
// compare-exchange on `next` makes each block disjoint from every other live block.
// `dealloc` only ever moves `next` back over the block being freed, and only if no block
// was carved after it (same compare-exchange), so live blocks are never handed out twice.
unsafe impl GlobalAlloc for BumpAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let base = self.base() as usize;
        let mut current = self.next.load(Ordering::Relaxed);
        loop {
            // `align` is a power of two (a `Layout` invariant), so this rounds up.
            let mask = layout.align() - 1;
            let Some(start) =
                base.checked_add(current).and_then(|addr| addr.checked_add(mask)).map(|addr| (addr & !mask) - base)
            else {
                return core::ptr::null_mut();
            };
            let end = match start.checked_add(layout.size()) {
                Some(end) if end <= ARENA_BYTES => end,
                _ => return core::ptr::null_mut(),
            };
            match self.next.compare_exchange_weak(current, end, Ordering::Relaxed, Ordering::Relaxed) {
                Ok(_) => {
                    self.live_blocks.fetch_add(1, Ordering::Relaxed);
                    self.peak.fetch_max(end, Ordering::Relaxed);
                    // SAFETY: `start + size <= ARENA_BYTES`, so the offset stays inside the
                    // arena; deriving from `base()` keeps the arena's provenance.
                    return unsafe { self.base().add(start) };
                }
                Err(seen) => current = seen,
            }
        }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        self.live_blocks.fetch_sub(1, Ordering::Relaxed);
        let start = ptr as usize - self.base() as usize;
        // Give the bytes back only if this is the last block carved; otherwise they stay
        // used until the process ends (a bump allocator's trade: no free lists, no search).
        let _ = self.next.compare_exchange(start + layout.size(), start, Ordering::Relaxed, Ordering::Relaxed);
    }
}

#[global_allocator]
static HOST_HEAP: BumpAllocator =
    BumpAllocator { next: AtomicUsize::new(0), live_blocks: AtomicUsize::new(0), peak: AtomicUsize::new(0) };

// {=========================================================================
// The check.
// ==========================================================================

/// Bytes of script heap given to the VM.
const REGION_BYTES: usize = 64 * 1024;

/// Each failed check exits with its own status.
#[derive(Debug, Clone, Copy)]
enum Failure {
    /// `Region::with_capacity` refused the block.
    Region = 2,
    /// The region is not the size asked for.
    RegionSize = 3,
    /// `Vm::new` refused the region or the default config.
    Vm = 4,
    /// Making or reading script objects failed or gave a wrong answer.
    Objects = 5,
    /// `Vm::verify` found the heap or its counters inconsistent.
    HeapCorrupt = 6,
    /// `Vm::shutdown` reported script-heap bytes or objects still in use.
    ScriptLeak = 7,
    /// The region that came back from `Vm::shutdown` is not the one lent.
    RegionReturned = 8,
    /// Host heap blocks were still live after everything was dropped.
    HostLeak = 9,
}

/// A little work in the script heap: a string and a tuple holding it, read back and
/// released, so that allocation, reference counting and freeing all run without std.
fn exercise(vm: &mut mote::Vm) -> Result<(), Failure> {
    const TEXT: &str = "hello from no_std";
    let fail = |what: &str| {
        let _ = writeln!(Fd(STDERR), "objects: {what}");
        Failure::Objects
    };
    let text = vm.new_str(TEXT).map_err(|_| fail("new_str failed"))?;
    let answer = mote::Value::small_int(42).ok_or_else(|| fail("small_int(42) is None"))?;
    let pair = vm.new_tuple(&[text, answer]).map_err(|_| fail("new_tuple failed"))?;
    if vm.as_str(text) != Some(TEXT) || vm.tuple_len(pair) != 2 {
        return Err(fail("read back a different value"));
    }
    // The tuple holds its own reference to the string, so this order frees both.
    vm.release(text);
    vm.release(pair);
    vm.verify().map_err(|error| {
        let _ = writeln!(Fd(STDERR), "Vm::verify: {error:?}");
        Failure::HeapCorrupt
    })
}

fn run(out: &mut Fd) -> Result<(), Failure> {
    let live_before = HOST_HEAP.live_blocks.load(Ordering::Relaxed);
    {
        let region = mote::region::Region::with_capacity(REGION_BYTES).map_err(|error| {
            let _ = writeln!(Fd(STDERR), "Region::with_capacity: {error:?}");
            Failure::Region
        })?;
        if region.len() != REGION_BYTES {
            let _ = writeln!(Fd(STDERR), "region has {} bytes", region.len());
            return Err(Failure::RegionSize);
        }
        let mut vm = mote::Vm::new(mote::VmConfig::default(), region).map_err(|error| {
            let _ = writeln!(Fd(STDERR), "Vm::new: {error:?}");
            Failure::Vm
        })?;
        exercise(&mut vm)?;
        let teardown = vm.shutdown();
        let _ = writeln!(
            out,
            "vm: {} byte region, shutdown left {} bytes in {} objects",
            teardown.region.len(),
            teardown.leaked_bytes,
            teardown.leaked_objects
        );
        if teardown.leaked_bytes != 0 || teardown.leaked_objects != 0 {
            return Err(Failure::ScriptLeak);
        }
        if teardown.region.len() != REGION_BYTES {
            return Err(Failure::RegionReturned);
        }
        // `teardown.region` drops here, giving the block back to the host heap.
    }
    let live_after = HOST_HEAP.live_blocks.load(Ordering::Relaxed);
    if live_after != live_before {
        let _ = writeln!(Fd(STDERR), "host heap: {live_before} blocks live before, {live_after} after");
        return Err(Failure::HostLeak);
    }
    Ok(())
}

/// Called by the C runtime's start-up code (`crt1.o`), like any C program's `main`.
#[no_mangle]
pub extern "C" fn main(_argc: c_int, _argv: *const *const c_char) -> c_int {
    let mut out = Fd(STDOUT);
    match run(&mut out) {
        Ok(()) => {
            let _ = writeln!(
                out,
                "mote-no-std-check: ok (host heap peak {} bytes)",
                HOST_HEAP.peak.load(Ordering::Relaxed)
            );
            0
        }
        Err(failure) => {
            let _ = writeln!(Fd(STDERR), "mote-no-std-check: FAILED: {failure:?}");
            failure as c_int
        }
    }
}
