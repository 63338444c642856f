//! The script heap's block of memory, and the only place the engine touches raw memory.
//!
//! A [`Region`] is one contiguous, 8-byte aligned block that the host lends to a VM. Every
//! script object lives inside it and is named by its byte *offset* from the start, never
//! by a host pointer, so a handle is 32 bits on any host and the layout is the same on
//! 32- and 64-bit, little- and big-endian machines.
//!
//! Promises:
//! - Every accessor is bounds-checked against the region's length: an offset bug in the
//!   engine panics here, it can never read or write outside the block (no UB). The block
//!   keeps an 8-byte *tail* past the region's end that nothing uses: a fixed-size access
//!   only has to start inside the region (one comparison, the hottest check in the
//!   engine), and one that starts in the last bytes runs into the tail, never past it.
//! - Reads and writes are unaligned-safe (`read_unaligned`/`write_unaligned`), so a wrong
//!   offset cannot cause an alignment fault either.
//! - Numbers are stored in the host's native byte order. They are only ever read back
//!   through these same accessors, so no code reinterprets bytes in a fixed order; code
//!   that must be byte-order independent (hashing) reads bytes explicitly.
//!
//! Must never: hand out a host pointer, or let a slice borrowed from the region outlive a
//! write (writes take `&mut self`, slices borrow `&self`).
#![allow(unsafe_code)] // The one module that owns raw memory; each block says why it is sound.

use alloc::alloc::{alloc_zeroed, dealloc, Layout};
use core::ptr::NonNull;

/// Alignment of every region, and the granule of every block inside it.
pub const REGION_ALIGN: usize = 8;

/// The smallest region.
const MIN_REGION_LEN: usize = 8;

/// Bytes the block keeps past the region's end: the largest fixed-size value, so a
/// fixed-size access that starts inside the region ends inside the block.
const TAIL: usize = 8;

/// The largest region a VM can use: offsets and handles are 32-bit.
pub const MAX_REGION_BYTES: usize = u32::MAX as usize & !(REGION_ALIGN - 1);

/// Who owns the memory behind a region, so it goes back to the right place.
#[derive(Debug)]
enum Backing {
    /// Allocated from the Rust global allocator with this layout; freed on drop.
    Global(Layout),
    /// Lent for the program's lifetime; nothing to free.
    Static,
}

/// One block of memory lent to a VM. Dropping it returns the memory to its owner.
#[derive(Debug)]
pub struct Region {
    /// Start of the block; valid for reads and writes of `len + TAIL` bytes, 8-byte aligned.
    base: NonNull<u8>,
    /// Bytes in the block; a multiple of [`REGION_ALIGN`], at most [`MAX_REGION_BYTES`].
    len: usize,
    backing: Backing,
}

// SAFETY: a Region exclusively owns its block (it is never aliased: `Backing::Global` was
// allocated for it alone, `Backing::Static` came from a `&'static mut`), so moving it to
// another thread moves the only access path.
unsafe impl Send for Region {}

/// Why a region could not be created.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum RegionError {
    /// Under 8 bytes, or more than [`MAX_REGION_BYTES`].
    BadSize,
    /// The host allocator refused the block.
    HostOutOfMemory,
}

impl Region {
    /// Allocates a zeroed block of `bytes` (rounded down to 8) from the global allocator.
    pub fn with_capacity(bytes: usize) -> Result<Region, RegionError> {
        let len = bytes & !(REGION_ALIGN - 1);
        if !(MIN_REGION_LEN..=MAX_REGION_BYTES).contains(&len) {
            return Err(RegionError::BadSize);
        }
        let block = len.checked_add(TAIL).ok_or(RegionError::BadSize)?;
        let layout = Layout::from_size_align(block, REGION_ALIGN).map_err(|_| RegionError::BadSize)?;
        // SAFETY: `layout` has a non-zero size (checked above).
        let raw = unsafe { alloc_zeroed(layout) };
        let base = NonNull::new(raw).ok_or(RegionError::HostOutOfMemory)?;
        Ok(Region { base, len, backing: Backing::Global(layout) })
    }

    /// Uses a block the host keeps for the whole program (a static array on a console).
    /// The region is the block less its last 8 bytes (the tail).
    pub fn from_static(block: &'static mut [u64]) -> Result<Region, RegionError> {
        let len = core::mem::size_of_val(block).saturating_sub(TAIL);
        if !(MIN_REGION_LEN..=MAX_REGION_BYTES).contains(&len) {
            return Err(RegionError::BadSize);
        }
        let base = NonNull::from(block).cast::<u8>();
        Ok(Region { base, len, backing: Backing::Static })
    }

    /// Bytes in the region.
    pub fn len(&self) -> usize {
        self.len
    }

    /// Regions are never empty; present for API completeness with `len`.
    pub fn is_empty(&self) -> bool {
        self.len == 0
    }

    /// Panics (an engine bug, never script-reachable) unless `offset..offset+size` is inside.
    #[inline(always)]
    fn check(&self, offset: u32, size: usize) -> usize {
        let start = offset as usize;
        match start.checked_add(size) {
            Some(end) if end <= self.len => start,
            _ => out_of_bounds(offset, size, self.len),
        }
    }

    /// The check for fixed-size accesses: the start inside the region (the tail holds
    /// the rest of the largest `Plain` type).
    #[inline(always)]
    fn check_plain<T: Plain>(&self, offset: u32) -> usize {
        const { assert!(core::mem::size_of::<T>() <= TAIL) };
        let start = offset as usize;
        if start >= self.len {
            out_of_bounds(offset, core::mem::size_of::<T>(), self.len);
        }
        start
    }

    /// Reads a `T` stored at `offset` by [`Region::write`].
    #[inline(always)]
    fn read<T: Plain>(&self, offset: u32) -> T {
        let start = self.check_plain::<T>(offset);
        // SAFETY: `check` proved start..start+size_of::<T>() lies inside the block, which is
        // valid for reads for the region's lifetime; `read_unaligned` has no alignment
        // requirement, and every bit pattern is a valid `T` (`Plain` types only).
        unsafe { self.base.as_ptr().add(start).cast::<T>().read_unaligned() }
    }

    #[inline(always)]
    fn write<T: Plain>(&mut self, offset: u32, value: T) {
        let start = self.check_plain::<T>(offset);
        // SAFETY: in bounds (checked), the block is valid for writes, `&mut self` rules out
        // any live borrowed slice, and `write_unaligned` has no alignment requirement.
        unsafe { self.base.as_ptr().add(start).cast::<T>().write_unaligned(value) }
    }

    #[inline(always)]
    pub fn read_u8(&self, offset: u32) -> u8 {
        self.read(offset)
    }
    #[inline(always)]
    pub fn write_u8(&mut self, offset: u32, value: u8) {
        self.write(offset, value)
    }
    #[inline(always)]
    pub fn read_u16(&self, offset: u32) -> u16 {
        self.read(offset)
    }
    #[inline(always)]
    pub fn write_u16(&mut self, offset: u32, value: u16) {
        self.write(offset, value)
    }
    #[inline(always)]
    pub fn read_u32(&self, offset: u32) -> u32 {
        self.read(offset)
    }
    #[inline(always)]
    pub fn write_u32(&mut self, offset: u32, value: u32) {
        self.write(offset, value)
    }
    /// Writes `value` at `offset` and returns what was there (one bounds check).
    #[inline(always)]
    pub fn swap_u32(&mut self, offset: u32, value: u32) -> u32 {
        let start = self.check_plain::<u32>(offset);
        // SAFETY: in bounds (checked); `&mut self` gives the only access path; unaligned
        // reads and writes have no alignment requirement; every u32 is valid.
        unsafe {
            let p = self.base.as_ptr().add(start).cast::<u32>();
            let old = p.read_unaligned();
            p.write_unaligned(value);
            old
        }
    }

    /// Adds `delta` (wrapping) to the u32 at `offset` and returns the new value (one
    /// bounds check): reference counts.
    #[inline(always)]
    pub fn add_u32(&mut self, offset: u32, delta: u32) -> u32 {
        let start = self.check_plain::<u32>(offset);
        // SAFETY: as in `swap_u32`.
        unsafe {
            let p = self.base.as_ptr().add(start).cast::<u32>();
            let new = p.read_unaligned().wrapping_add(delta);
            p.write_unaligned(new);
            new
        }
    }

    #[inline(always)]
    pub fn read_i64(&self, offset: u32) -> i64 {
        self.read(offset)
    }
    #[inline(always)]
    pub fn write_i64(&mut self, offset: u32, value: i64) {
        self.write(offset, value)
    }
    #[inline(always)]
    pub fn read_f64(&self, offset: u32) -> f64 {
        f64::from_bits(self.read(offset))
    }
    #[inline(always)]
    pub fn write_f64(&mut self, offset: u32, value: f64) {
        self.write(offset, value.to_bits())
    }

    /// Borrows the `N` bytes at `offset` with one bounds check: a record's fields are
    /// then read with `from_ne_bytes` at fixed indexes, which need no more checks (and
    /// load each field on its own, as the separate accessors would).
    #[inline(always)]
    pub fn array<const N: usize>(&self, offset: u32) -> &[u8; N] {
        let start = self.check(offset, N);
        // SAFETY: in bounds (checked); the borrow of `&self` rules out writes while it
        // lives; `[u8; N]` has no alignment or validity needs.
        unsafe { &*self.base.as_ptr().add(start).cast::<[u8; N]>() }
    }

    /// Borrows `len` bytes at `offset`.
    #[inline]
    pub fn bytes(&self, offset: u32, len: usize) -> &[u8] {
        let start = self.check(offset, len);
        // SAFETY: in bounds (checked); the slice borrows `&self`, so no write through
        // `&mut self` can happen while it lives; u8 has no alignment or validity needs.
        unsafe { core::slice::from_raw_parts(self.base.as_ptr().add(start), len) }
    }

    /// Borrows `len` bytes at `offset` for writing.
    #[inline]
    pub fn bytes_mut(&mut self, offset: u32, len: usize) -> &mut [u8] {
        let start = self.check(offset, len);
        // SAFETY: in bounds (checked); the unique borrow of `self` makes this the only
        // access path to the block while the slice lives.
        unsafe { core::slice::from_raw_parts_mut(self.base.as_ptr().add(start), len) }
    }

    /// Copies `len` bytes from `from` to `to`; the ranges may overlap.
    pub fn copy_within(&mut self, from: u32, to: u32, len: usize) {
        let src = self.check(from, len);
        let dst = self.check(to, len);
        // SAFETY: both ranges are in bounds (checked) of one block valid for reads and
        // writes; `copy` (memmove) allows overlap.
        unsafe {
            let base = self.base.as_ptr();
            core::ptr::copy(base.add(src), base.add(dst), len)
        }
    }

    /// Sets `len` bytes at `offset` to `byte`.
    pub fn fill(&mut self, offset: u32, len: usize, byte: u8) {
        self.bytes_mut(offset, len).fill(byte)
    }
}

impl Drop for Region {
    fn drop(&mut self) {
        match self.backing {
            // SAFETY: `base` came from `alloc_zeroed(layout)` with this very layout and has
            // not been freed (only drop frees it, once).
            Backing::Global(layout) => unsafe { dealloc(self.base.as_ptr(), layout) },
            Backing::Static => {}
        }
    }
}

/// Types every bit pattern of which is valid, so reading them from raw bytes is sound.
trait Plain: Copy {}
impl Plain for u8 {}
impl Plain for u16 {}
impl Plain for u32 {}
impl Plain for u64 {}
impl Plain for i64 {}

#[cold]
#[inline(never)]
fn out_of_bounds(offset: u32, size: usize, len: usize) -> ! {
    panic!("mote engine bug: region access {offset}+{size} outside a region of {len} bytes")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rejects_empty_and_oversized() {
        assert_eq!(Region::with_capacity(0).unwrap_err(), RegionError::BadSize);
        assert_eq!(Region::with_capacity(7).unwrap_err(), RegionError::BadSize);
    }

    #[test]
    fn numbers_round_trip_at_any_offset() {
        let mut r = Region::with_capacity(64).unwrap();
        assert_eq!(r.len(), 64);
        for off in 0..8u32 {
            r.write_u32(off, 0xdead_beef ^ off);
            assert_eq!(r.read_u32(off), 0xdead_beef ^ off);
            r.write_u16(off + 20, 0xbeef);
            assert_eq!(r.read_u16(off + 20), 0xbeef);
            r.write_i64(off + 30, -5 - off as i64);
            assert_eq!(r.read_i64(off + 30), -5 - off as i64);
            r.write_f64(off + 40, 1.5);
            assert_eq!(r.read_f64(off + 40), 1.5);
        }
        r.write_u8(63, 9);
        assert_eq!(r.read_u8(63), 9);
        let before = r.read_u32(59);
        assert_eq!(r.swap_u32(59, 7), before);
        assert_eq!(r.read_u32(59), 7);
        assert_eq!(r.add_u32(59, 3), 10);
        assert_eq!(r.add_u32(59, u32::MAX), 9);
    }

    #[test]
    fn arrays_read_what_was_written() {
        let mut r = Region::with_capacity(16).unwrap();
        r.write_u32(8, 0x0102_0304);
        assert_eq!(u32::from_ne_bytes(*r.array::<4>(8)), 0x0102_0304);
        assert_eq!(r.array::<16>(0)[8..12], 0x0102_0304u32.to_ne_bytes());
    }

    #[test]
    #[should_panic(expected = "outside a region")]
    fn an_array_past_the_end_panics() {
        let r = Region::with_capacity(16).unwrap();
        r.array::<4>(13);
    }

    #[test]
    fn starts_zeroed_and_copies_overlapping() {
        let mut r = Region::with_capacity(32).unwrap();
        assert!(r.bytes(0, 32).iter().all(|&b| b == 0));
        r.bytes_mut(0, 4).copy_from_slice(b"abcd");
        r.copy_within(0, 2, 4);
        assert_eq!(r.bytes(0, 6), b"ababcd");
        r.fill(0, 3, b'z');
        assert_eq!(r.bytes(0, 6), b"zzzbcd");
    }

    #[test]
    #[should_panic(expected = "outside a region")]
    fn out_of_bounds_read_panics() {
        let r = Region::with_capacity(16).unwrap();
        r.read_u32(16);
    }

    #[test]
    fn an_access_starting_in_the_last_bytes_runs_into_the_tail() {
        let mut r = Region::with_capacity(16).unwrap();
        r.write_i64(15, -1);
        assert_eq!(r.read_i64(15), -1);
        assert_eq!(r.read_u8(15), 0xff);
    }

    #[test]
    #[should_panic(expected = "outside a region")]
    fn offset_overflow_panics() {
        let r = Region::with_capacity(16).unwrap();
        r.bytes(u32::MAX, usize::MAX);
    }

    #[test]
    #[cfg_attr(miri, ignore = "leaks its static block on purpose")]
    fn static_region_is_usable() {
        let block: &'static mut [u64] = alloc::boxed::Box::leak(alloc::vec![0u64; 5].into_boxed_slice());
        let mut r = Region::from_static(block).unwrap();
        assert_eq!(r.len(), 32);
        r.write_u32(28, 7);
        assert_eq!(r.read_u32(28), 7);
        r.write_i64(31, 9);
        assert_eq!(r.read_i64(31), 9);
    }
}
