//! The general allocator: Two-Level Segregated Fit (Masmano et al., 2004) over region offsets.
//!
//! Every operation is O(1): a free block of a size class is found with two bitmap scans,
//! and freeing coalesces with both physical neighbours through boundary tags. Large
//! objects come from here directly; the small-block pools (`pool.rs`) get their pages here.
//!
//! Layout: every block starts with an 8-byte header, so its payload stays 8-aligned.
//!
//! ```text
//! used block:  [size|flags: u32][prev_phys: u32][payload ...]
//! free block:  [size|flags: u32][prev_phys: u32][next_free: u32][prev_free: u32][...]
//! ```
//!
//! `size` is the whole block in bytes (header included, a multiple of 8, at least 16);
//! the low three bits hold flags. `prev_phys` is the offset of the block just before this
//! one in memory (0 for the first block). Links are region offsets, 0 meaning none (offset
//! 0 is never a block: the heap keeps the first granule out of the allocator).
//!
//! Invariants (checked by [`Tlsf::walk`]): blocks tile `start..end` exactly; no two free
//! blocks are adjacent (freeing always coalesces); a block is on exactly the free list
//! of its size class iff it is free; `PREV_FREE` of a block mirrors the free flag of its
//! physical predecessor.
//!
//! Must never: allocate host memory, or trust a payload offset it did not hand out
//! (`free` checks the header flags and panics on a double free: that is an engine bug).

use crate::region::Region;

pub const HEADER_BYTES: u32 = 8;
pub const MIN_BLOCK: u32 = 16;
const FLAG_FREE: u32 = 1;
const FLAG_PREV_FREE: u32 = 2;
/// Marks a used block lent to the small-block pools as a page.
const FLAG_PAGE: u32 = 4;
const FLAGS: u32 = 7;

/// Second-level subdivisions per power of two: 2^4 = 16 lists, so a found block wastes at
/// most 1/16 of its size.
const SL_BITS: u32 = 4;
const SL_COUNT: usize = 1 << SL_BITS;
/// Sizes below this (128 bytes) map linearly in 8-byte steps onto first-level list 0.
const SMALL_LIMIT: u32 = 1 << (SL_BITS + 3);
/// First-level lists: 0 for sizes < 128, then one per power of two from 2^7 to 2^31.
const FL_COUNT: usize = 32 - 7 + 1;

/// One block as [`Tlsf::walk`] sees it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BlockInfo {
    /// Offset of the block header.
    pub offset: u32,
    /// Whole block, header included.
    pub size: u32,
    pub free: bool,
    /// A used block holding a small-block pool page.
    pub page: bool,
}

#[derive(Debug)]
pub struct Tlsf {
    start: u32,
    end: u32,
    fl_bitmap: u32,
    sl_bitmap: [u16; FL_COUNT],
    heads: [[u32; SL_COUNT]; FL_COUNT],
    /// Bytes in free blocks (headers included).
    free_bytes: u64,
}

/// `(first level, second level)` list of a block size.
fn mapping(size: u32) -> (usize, usize) {
    if size < SMALL_LIMIT {
        (0, (size >> 3) as usize)
    } else {
        let f = 31 - size.leading_zeros();
        let sl = ((size >> (f - SL_BITS)) as usize) & (SL_COUNT - 1);
        ((f - 6) as usize, sl)
    }
}

impl Tlsf {
    /// Manages `start..end` of `region` as one free block. Both ends are 8-aligned.
    pub fn new(region: &mut Region, start: u32, end: u32) -> Tlsf {
        debug_assert!(start.is_multiple_of(8) && end.is_multiple_of(8) && start > 0);
        let mut tlsf = Tlsf {
            start,
            end,
            fl_bitmap: 0,
            sl_bitmap: [0; FL_COUNT],
            heads: [[0; SL_COUNT]; FL_COUNT],
            free_bytes: 0,
        };
        if end >= start + MIN_BLOCK {
            let size = end - start;
            region.write_u32(start, size | FLAG_FREE);
            region.write_u32(start + 4, 0);
            tlsf.insert_free(region, start, size);
        }
        tlsf
    }

    /// The first offset managed.
    pub fn start(&self) -> u32 {
        self.start
    }

    /// The end of the managed range (exclusive).
    pub fn end(&self) -> u32 {
        self.end
    }

    pub fn free_bytes(&self) -> u64 {
        self.free_bytes
    }

    /// Total size of the block whose payload starts at `payload`.
    pub fn block_size(region: &Region, payload: u32) -> u32 {
        region.read_u32(payload - HEADER_BYTES) & !FLAGS
    }

    /// The whole-block size a payload of `bytes` needs.
    pub fn block_size_for(bytes: u32) -> Option<u32> {
        let with_header = bytes.checked_add(HEADER_BYTES + 7)? & !7;
        Some(with_header.max(MIN_BLOCK))
    }

    /// Allocates a block with at least `bytes` of payload; returns the payload offset.
    pub fn allocate(&mut self, region: &mut Region, bytes: u32) -> Option<u32> {
        let size = Self::block_size_for(bytes)?;
        let block = self.take_fitting(region, size)?;
        self.split_and_use(region, block, size);
        Some(block + HEADER_BYTES)
    }

    /// Allocates a block of exactly `align` bytes (a power of two, above 8), header
    /// included, starting at a multiple of `align`, marked as a pool page: its payload is
    /// `align - HEADER_BYTES` bytes from the returned offset. Pages therefore tile the
    /// region with no gap between them.
    pub fn allocate_page(&mut self, region: &mut Region, align: u32) -> Option<u32> {
        let size = align;
        // A free block that can hold an aligned page as it is (the hole a freed page
        // left, say) is used first; otherwise one with room for the worst leading gap,
        // which must itself be a whole free block.
        let mut block = self.take_fitting(region, size)?;
        let mut block_size = region.read_u32(block) & !FLAGS;
        if Self::page_start(block, block_size, align).is_none() {
            self.insert_free(region, block, block_size);
            block = self.take_fitting(region, size.checked_add(align + MIN_BLOCK)?)?;
            block_size = region.read_u32(block) & !FLAGS;
        }
        let start = Self::page_start(block, block_size, align)?;
        let payload = start + HEADER_BYTES;
        let lead = start - block;
        if lead > 0 {
            // Give the gap before the aligned header back as its own free block.
            let rest = block + lead;
            let prev_flags = region.read_u32(block) & FLAG_PREV_FREE;
            region.write_u32(block, lead | FLAG_FREE | prev_flags);
            region.write_u32(rest, (block_size - lead) | FLAG_PREV_FREE);
            region.write_u32(rest + 4, block);
            self.fix_next_prev_phys(region, rest, block_size - lead);
            self.insert_free(region, block, lead);
            block = rest;
        }
        self.split_and_use(region, block, size);
        let header = region.read_u32(block);
        region.write_u32(block, header | FLAG_PAGE);
        Some(payload)
    }

    /// Where an `align`-byte page aligned to `align` starts inside free `block`, if it
    /// fits with a leading gap of zero or of a whole free block.
    fn page_start(block: u32, block_size: u32, align: u32) -> Option<u32> {
        let mut start = (block + align - 1) & !(align - 1);
        if start != block && start - block < MIN_BLOCK {
            start += align;
        }
        (start + align <= block + block_size).then_some(start)
    }

    /// Frees the block whose payload starts at `payload`; returns its whole size.
    pub fn free(&mut self, region: &mut Region, payload: u32) -> u32 {
        let mut block = payload - HEADER_BYTES;
        let header = region.read_u32(block);
        assert!(header & FLAG_FREE == 0, "mote engine bug: double free of block {block}");
        let freed = header & !FLAGS;
        let mut size = freed;
        let mut prev_free_flag = header & FLAG_PREV_FREE;
        // Merge with the next block when it is free.
        let next = block + size;
        if next < self.end {
            let next_header = region.read_u32(next);
            if next_header & FLAG_FREE != 0 {
                let next_size = next_header & !FLAGS;
                self.remove_free(region, next, next_size);
                size += next_size;
            }
        }
        // Merge with the previous block when it is free.
        if prev_free_flag != 0 {
            let prev = region.read_u32(block + 4);
            let prev_header = region.read_u32(prev);
            let prev_size = prev_header & !FLAGS;
            self.remove_free(region, prev, prev_size);
            prev_free_flag = prev_header & FLAG_PREV_FREE;
            block = prev;
            size += prev_size;
        }
        region.write_u32(block, size | FLAG_FREE | prev_free_flag);
        self.fix_next_prev_phys(region, block, size);
        self.set_next_prev_free(region, block, size, true);
        self.insert_free(region, block, size);
        freed
    }

    /// Calls `visit` on every block from start to end, checking the invariants as it goes.
    /// Returns a description of the first broken invariant.
    pub fn walk(&self, region: &Region, mut visit: impl FnMut(BlockInfo)) -> Result<(), &'static str> {
        let mut at = self.start;
        let mut prev = 0u32;
        let mut prev_was_free = false;
        let mut free_seen = 0u64;
        while at < self.end {
            let header = region.read_u32(at);
            let size = header & !FLAGS;
            if size < MIN_BLOCK || !size.is_multiple_of(8) || at.checked_add(size).is_none_or(|e| e > self.end) {
                return Err("block size out of range");
            }
            if region.read_u32(at + 4) != prev {
                return Err("prev_phys link broken");
            }
            let free = header & FLAG_FREE != 0;
            if (header & FLAG_PREV_FREE != 0) != prev_was_free {
                return Err("PREV_FREE flag disagrees with the previous block");
            }
            if free && prev_was_free {
                return Err("two adjacent free blocks");
            }
            if free {
                free_seen += u64::from(size);
                if !self.list_contains(region, at, size) {
                    return Err("free block missing from its list");
                }
            }
            visit(BlockInfo { offset: at, size, free, page: header & FLAG_PAGE != 0 });
            prev = at;
            prev_was_free = free;
            at += size;
        }
        if at != self.end && self.end - self.start >= MIN_BLOCK {
            return Err("blocks do not tile the heap");
        }
        if free_seen != self.free_bytes {
            return Err("free byte count disagrees with the free blocks");
        }
        Ok(())
    }

    fn list_contains(&self, region: &Region, block: u32, size: u32) -> bool {
        let (fl, sl) = mapping(size);
        let mut at = self.heads[fl][sl];
        while at != 0 {
            if at == block {
                return true;
            }
            at = region.read_u32(at + 8);
        }
        false
    }

    /// Removes and returns a free block of at least `size` bytes (good fit: rounds the
    /// request up to its list's lower bound so any block found there fits).
    fn take_fitting(&mut self, region: &mut Region, size: u32) -> Option<u32> {
        let rounded = if size < SMALL_LIMIT {
            size
        } else {
            let f = 31 - size.leading_zeros();
            size.checked_add((1 << (f - SL_BITS)) - 1)?
        };
        let (mut fl, sl) = mapping(rounded);
        let mut sl_map = u32::from(self.sl_bitmap[fl]) & (!0u32 << sl);
        if sl_map == 0 {
            let fl_map = self.fl_bitmap & (!0u32).checked_shl(fl as u32 + 1).unwrap_or(0);
            if fl_map == 0 {
                return None;
            }
            fl = fl_map.trailing_zeros() as usize;
            sl_map = u32::from(self.sl_bitmap[fl]);
        }
        let sl = sl_map.trailing_zeros() as usize;
        let block = self.heads[fl][sl];
        let block_size = region.read_u32(block) & !FLAGS;
        debug_assert!(block_size >= size);
        self.remove_free(region, block, block_size);
        Some(block)
    }

    /// Marks the just-taken free `block` used, keeping `size` bytes and freeing the tail
    /// if the tail can stand as a block of its own.
    fn split_and_use(&mut self, region: &mut Region, block: u32, size: u32) {
        let header = region.read_u32(block);
        let block_size = header & !FLAGS;
        let prev_flag = header & FLAG_PREV_FREE;
        if block_size - size >= MIN_BLOCK {
            let tail = block + size;
            let tail_size = block_size - size;
            region.write_u32(block, size | prev_flag);
            region.write_u32(tail, tail_size | FLAG_FREE);
            region.write_u32(tail + 4, block);
            self.fix_next_prev_phys(region, tail, tail_size);
            self.set_next_prev_free(region, tail, tail_size, true);
            self.insert_free(region, tail, tail_size);
        } else {
            region.write_u32(block, block_size | prev_flag);
            self.set_next_prev_free(region, block, block_size, false);
        }
    }

    fn fix_next_prev_phys(&self, region: &mut Region, block: u32, size: u32) {
        let next = block + size;
        if next < self.end {
            region.write_u32(next + 4, block);
        }
    }

    fn set_next_prev_free(&self, region: &mut Region, block: u32, size: u32, free: bool) {
        let next = block + size;
        if next < self.end {
            let h = region.read_u32(next);
            region.write_u32(next, if free { h | FLAG_PREV_FREE } else { h & !FLAG_PREV_FREE });
        }
    }

    fn insert_free(&mut self, region: &mut Region, block: u32, size: u32) {
        let (fl, sl) = mapping(size);
        let head = self.heads[fl][sl];
        region.write_u32(block + 8, head);
        region.write_u32(block + 12, 0);
        if head != 0 {
            region.write_u32(head + 12, block);
        }
        self.heads[fl][sl] = block;
        self.fl_bitmap |= 1 << fl;
        self.sl_bitmap[fl] |= 1 << sl;
        self.free_bytes += u64::from(size);
    }

    fn remove_free(&mut self, region: &mut Region, block: u32, size: u32) {
        let (fl, sl) = mapping(size);
        let next = region.read_u32(block + 8);
        let prev = region.read_u32(block + 12);
        if prev != 0 {
            region.write_u32(prev + 8, next);
        } else {
            self.heads[fl][sl] = next;
            if next == 0 {
                self.sl_bitmap[fl] &= !(1 << sl);
                if self.sl_bitmap[fl] == 0 {
                    self.fl_bitmap &= !(1 << fl);
                }
            }
        }
        if next != 0 {
            region.write_u32(next + 12, prev);
        }
        self.free_bytes -= u64::from(size);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    fn setup(bytes: usize) -> (Region, Tlsf) {
        let mut r = Region::with_capacity(bytes).unwrap();
        let t = Tlsf::new(&mut r, 8, bytes as u32);
        (r, t)
    }

    fn check(r: &Region, t: &Tlsf) -> (u32, u32) {
        let (mut used, mut free) = (0, 0);
        t.walk(r, |b| if b.free { free += b.size } else { used += b.size }).unwrap();
        (used, free)
    }

    #[test]
    fn mapping_is_monotonic_and_in_range() {
        let mut last = (0, 0);
        for size in (16..1 << 20).step_by(8) {
            let m = mapping(size);
            assert!(m >= last, "{size}");
            assert!(m.0 < FL_COUNT && m.1 < SL_COUNT);
            last = m;
        }
        assert!(mapping(!7).0 < FL_COUNT);
    }

    #[test]
    fn allocate_free_coalesces_back_to_one_block() {
        let (mut r, mut t) = setup(4096);
        let a = t.allocate(&mut r, 100).unwrap();
        let b = t.allocate(&mut r, 8).unwrap();
        let c = t.allocate(&mut r, 500).unwrap();
        assert_eq!(Tlsf::block_size(&r, a), 112);
        assert_eq!(Tlsf::block_size(&r, b), 16);
        assert_eq!(check(&r, &t).0, 112 + 16 + 512);
        for p in [b, a, c] {
            t.free(&mut r, p);
            check(&r, &t);
        }
        assert_eq!(check(&r, &t), (0, 4088));
        assert_eq!(t.free_bytes(), 4088);
    }

    #[test]
    fn exhaustion_returns_none_and_exact_fit_succeeds() {
        let (mut r, mut t) = setup(256);
        assert!(t.allocate(&mut r, 248).is_none());
        let all = t.allocate(&mut r, 240).unwrap();
        assert!(t.allocate(&mut r, 1).is_none());
        t.free(&mut r, all);
        assert_eq!(check(&r, &t), (0, 248));
    }

    #[test]
    fn pages_are_aligned_and_leave_gaps_free() {
        let (mut r, mut t) = setup(64 * 1024);
        let small = t.allocate(&mut r, 40).unwrap();
        let p1 = t.allocate_page(&mut r, 4096).unwrap();
        let p2 = t.allocate_page(&mut r, 4096).unwrap();
        let p3 = t.allocate_page(&mut r, 4096).unwrap();
        assert_eq!((p1 % 4096, p2 % 4096, p3 % 4096), (8, 8, 8));
        // Pages are whole aligned blocks, so consecutive ones leave no gap, and the hole
        // a freed page leaves between two others takes the next page.
        assert_eq!((p2 - p1, p3 - p2), (4096, 4096));
        t.free(&mut r, p2);
        assert_eq!(t.allocate_page(&mut r, 4096), Some(p2));
        let mut pages = 0;
        t.walk(&r, |b| pages += b.page as u32).unwrap();
        assert_eq!(pages, 3);
        for p in [p1, small, p2, p3] {
            t.free(&mut r, p);
        }
        assert_eq!(check(&r, &t), (0, 64 * 1024 - 8));
    }

    #[test]
    #[should_panic(expected = "double free")]
    fn double_free_is_caught() {
        let (mut r, mut t) = setup(1024);
        let a = t.allocate(&mut r, 16).unwrap();
        let _b = t.allocate(&mut r, 16).unwrap();
        t.free(&mut r, a);
        t.free(&mut r, a);
    }

    #[test]
    fn random_workload_keeps_invariants() {
        let (mut r, mut t) = setup(1 << 16);
        let mut live: Vec<u32> = Vec::new();
        let mut seed = 0x1234_5678u32;
        for _ in 0..(if cfg!(miri) { 200 } else { 5000 }) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            if !seed.is_multiple_of(3) || live.is_empty() {
                if let Some(p) = t.allocate(&mut r, seed % 700) {
                    live.push(p);
                }
            } else {
                let i = (seed as usize / 3) % live.len();
                t.free(&mut r, live.swap_remove(i));
            }
        }
        check(&r, &t);
        for p in live {
            t.free(&mut r, p);
        }
        assert_eq!(check(&r, &t), (0, (1 << 16) - 8));
    }
}
