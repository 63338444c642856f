//! Small-block pools: one size class per 8 bytes up to [`SMALL_MAX`], carved from pages.
//!
//! Most script objects are a few dozen bytes (a float is 16, a short string 24). Serving
//! them from pages of equal-sized slots costs no per-block header and no search: a slot
//! comes off its page's free list or from the page's untouched tail. This is CPython's
//! obmalloc idea, scaled down for small heaps.
//!
//! A page is a whole [`PAGE_BYTES`]-aligned TLSF block (`tlsf.rs`), its block header
//! included, so pages tile the region without gaps and the page of any slot is its
//! offset rounded down (plus the 8-byte block header). Page header (24 bytes, after the
//! block header, then the slots):
//!
//! ```text
//! +0 slot size / 8: u8   +1 (unused): u8   +2 used slots: u16
//! +4 free list head: u32     (offset of a freed slot whose first word links on; 0 = none)
//! +8 untouched tail: u32     (offset of the first never-used slot; 0 = none left)
//! +12 next page: u32  +16 prev page: u32  (the class's list of pages with room)
//! +20 magic: u32
//! ```
//!
//! Invariants: a page is on its class's list iff it has a free slot; each class keeps at
//! most one empty page (hysteresis against alloc/free thrash), every other empty page
//! goes straight back to the TLSF. The pool never writes outside its pages.

use crate::region::Region;
use crate::tlsf::Tlsf;

/// Bytes per page, including its header; also the page alignment.
pub const PAGE_BYTES: u32 = 4096;
/// The largest request served by a pool; bigger blocks come from the TLSF.
pub const SMALL_MAX: u32 = 256;
const CLASS_COUNT: usize = (SMALL_MAX / 8) as usize;
const PAGE_HEADER: u32 = 24;
const PAGE_MAGIC: u32 = 0x6d6f_7465; // "mote"

/// The slot size that serves a request of `bytes` (1..=SMALL_MAX).
pub fn slot_size(bytes: u32) -> u32 {
    debug_assert!(bytes > 0 && bytes <= SMALL_MAX);
    (bytes + 7) & !7
}

/// The slot size of the page holding `offset`, a slot [`Pools::allocate`] gave out.
pub fn slot_size_at(region: &Region, offset: u32) -> u32 {
    u32::from(region.read_u8(page_of(offset))) * 8
}

fn class_of(slot: u32) -> usize {
    (slot / 8 - 1) as usize
}

/// The page holding `offset`: pages are whole [`PAGE_BYTES`]-aligned TLSF blocks, so
/// the page's data starts just after the block header at the aligned boundary.
fn page_of(offset: u32) -> u32 {
    (offset & !(PAGE_BYTES - 1)) + crate::tlsf::HEADER_BYTES
}

/// The bytes of a page after the TLSF block header.
const PAGE_DATA: u32 = PAGE_BYTES - crate::tlsf::HEADER_BYTES;

fn slots_per_page(slot: u32) -> u32 {
    (PAGE_DATA - PAGE_HEADER) / slot
}

/// What one page holds, as seen by [`Pools::inspect_page`].
#[derive(Debug, Clone, Copy)]
pub struct PageInfo {
    pub slot_size: u32,
    pub used_slots: u32,
}

#[derive(Debug)]
pub struct Pools {
    /// Per class, the first page with a free slot (0 = none).
    heads: [u32; CLASS_COUNT],
    /// Per class, how many empty pages it is keeping (0 or 1).
    empty_kept: [u8; CLASS_COUNT],
    pages: u32,
}

impl Default for Pools {
    fn default() -> Self {
        Pools { heads: [0; CLASS_COUNT], empty_kept: [0; CLASS_COUNT], pages: 0 }
    }
}

impl Pools {
    /// Pages currently taken from the TLSF.
    pub fn page_count(&self) -> u32 {
        self.pages
    }

    /// Allocates a slot of `slot` bytes (from [`slot_size`]).
    pub fn allocate(&mut self, region: &mut Region, tlsf: &mut Tlsf, slot: u32) -> Option<u32> {
        let class = class_of(slot);
        let mut page = self.heads[class];
        if page == 0 {
            page = self.new_page(region, tlsf, slot)?;
        }
        let used = region.read_u16(page + 2);
        if used == 0 {
            self.empty_kept[class] -= 1;
        }
        let head = region.read_u32(page + 4);
        // No division on this path: a slot fits if it ends inside the page, and a page is
        // full when neither its free list nor its tail has a slot left.
        let tail = region.read_u32(page + 8);
        let (taken, head, tail) = if head != 0 {
            let next = region.read_u32(head);
            region.write_u32(page + 4, next);
            (head, next, tail)
        } else {
            let next_tail = tail + slot;
            let next_tail = if next_tail + slot <= page + PAGE_DATA { next_tail } else { 0 };
            region.write_u32(page + 8, next_tail);
            (tail, head, next_tail)
        };
        region.write_u16(page + 2, used + 1);
        if head == 0 && tail == 0 {
            self.unlink(region, class, page);
        }
        Some(taken)
    }

    /// Returns a slot of `slot` bytes; may hand an empty page back to the TLSF.
    pub fn free(&mut self, region: &mut Region, tlsf: &mut Tlsf, offset: u32, slot: u32) {
        let class = class_of(slot);
        let page = page_of(offset);
        assert!(
            region.read_u32(page + 20) == PAGE_MAGIC && u32::from(region.read_u8(page)) * 8 == slot,
            "mote engine bug: freeing {offset} as a {slot}-byte slot it is not"
        );
        let used = u32::from(region.read_u16(page + 2));
        if region.read_u32(page + 4) == 0 && region.read_u32(page + 8) == 0 {
            // It was full, so it was on no list.
            self.link(region, class, page);
        }
        region.write_u32(offset, region.read_u32(page + 4));
        region.write_u32(page + 4, offset);
        region.write_u16(page + 2, (used - 1) as u16);
        if used == 1 {
            if self.empty_kept[class] == 0 {
                self.empty_kept[class] = 1;
            } else {
                self.release_page(region, tlsf, class, page);
            }
        }
    }

    /// Gives every kept empty page back to the TLSF (done before reporting out-of-memory
    /// for a large block, and at teardown).
    pub fn release_empty_pages(&mut self, region: &mut Region, tlsf: &mut Tlsf) {
        for class in 0..CLASS_COUNT {
            let mut page = self.heads[class];
            while page != 0 && self.empty_kept[class] > 0 {
                let next = region.read_u32(page + 12);
                if region.read_u16(page + 2) == 0 {
                    self.empty_kept[class] -= 1;
                    self.release_page(region, tlsf, class, page);
                }
                page = next;
            }
        }
    }

    /// Reads a page's header, checking it is one. `page` is a TLSF payload offset.
    pub fn inspect_page(region: &Region, page: u32) -> Result<PageInfo, &'static str> {
        if region.read_u32(page + 20) != PAGE_MAGIC {
            return Err("pool page without its magic");
        }
        let slot_size = u32::from(region.read_u8(page)) * 8;
        if slot_size == 0 || slot_size > SMALL_MAX || slot_size % 8 != 0 {
            return Err("pool page with a bad slot size");
        }
        let used_slots = u32::from(region.read_u16(page + 2));
        if used_slots > slots_per_page(slot_size) {
            return Err("pool page with more used slots than it has");
        }
        // Count free slots: the free list plus the untouched tail must cover the rest.
        let mut free = 0u32;
        let mut at = region.read_u32(page + 4);
        while at != 0 {
            if page_of(at) != page || !(at - page - PAGE_HEADER).is_multiple_of(slot_size) {
                return Err("pool free list leaves its page");
            }
            free += 1;
            if free > slots_per_page(slot_size) {
                return Err("pool free list loops");
            }
            at = region.read_u32(at);
        }
        let tail = region.read_u32(page + 8);
        if tail != 0 {
            free += (page + PAGE_HEADER + slots_per_page(slot_size) * slot_size - tail) / slot_size;
        }
        if free + used_slots != slots_per_page(slot_size) {
            return Err("pool page slot count does not add up");
        }
        Ok(PageInfo { slot_size, used_slots })
    }

    fn new_page(&mut self, region: &mut Region, tlsf: &mut Tlsf, slot: u32) -> Option<u32> {
        let page = tlsf.allocate_page(region, PAGE_BYTES)?;
        region.write_u8(page, (slot / 8) as u8);
        region.write_u8(page + 1, 0);
        region.write_u16(page + 2, 0);
        region.write_u32(page + 4, 0);
        region.write_u32(page + 8, page + PAGE_HEADER);
        region.write_u32(page + 20, PAGE_MAGIC);
        let class = class_of(slot);
        self.link(region, class, page);
        self.empty_kept[class] += 1;
        self.pages += 1;
        Some(page)
    }

    fn release_page(&mut self, region: &mut Region, tlsf: &mut Tlsf, class: usize, page: u32) {
        self.unlink(region, class, page);
        region.write_u32(page + 20, 0);
        tlsf.free(region, page);
        self.pages -= 1;
    }

    fn link(&mut self, region: &mut Region, class: usize, page: u32) {
        let head = self.heads[class];
        region.write_u32(page + 12, head);
        region.write_u32(page + 16, 0);
        if head != 0 {
            region.write_u32(head + 16, page);
        }
        self.heads[class] = page;
    }

    fn unlink(&mut self, region: &mut Region, class: usize, page: u32) {
        let next = region.read_u32(page + 12);
        let prev = region.read_u32(page + 16);
        if prev != 0 {
            region.write_u32(prev + 12, next);
        } else {
            self.heads[class] = next;
        }
        if next != 0 {
            region.write_u32(next + 16, prev);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn slots_fill_pages_and_pages_come_back() {
        let mut r = Region::with_capacity(64 * 1024).unwrap();
        let mut t = Tlsf::new(&mut r, 8, 64 * 1024);
        let mut p = Pools::default();
        let per_page = slots_per_page(16);
        let mut live: Vec<u32> = (0..per_page * 2 + 1).map(|_| p.allocate(&mut r, &mut t, 16).unwrap()).collect();
        assert_eq!(p.page_count(), 3);
        for &s in &live {
            assert_eq!(s % 8, 0);
        }
        let mut sorted = live.clone();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted.len(), live.len(), "a slot was handed out twice");
        while let Some(s) = live.pop() {
            p.free(&mut r, &mut t, s, 16);
        }
        assert_eq!(p.page_count(), 1, "one empty page is kept");
        p.release_empty_pages(&mut r, &mut t);
        assert_eq!(p.page_count(), 0);
        assert_eq!(t.free_bytes(), 64 * 1024 - 8);
    }

    #[test]
    fn freed_slots_are_reused_first() {
        let mut r = Region::with_capacity(32 * 1024).unwrap();
        let mut t = Tlsf::new(&mut r, 8, 32 * 1024);
        let mut p = Pools::default();
        let a = p.allocate(&mut r, &mut t, 24).unwrap();
        let b = p.allocate(&mut r, &mut t, 24).unwrap();
        p.free(&mut r, &mut t, a, 24);
        assert_eq!(p.allocate(&mut r, &mut t, 24).unwrap(), a);
        let info = Pools::inspect_page(&r, page_of(b)).unwrap();
        assert_eq!((info.slot_size, info.used_slots), (24, 2));
    }

    #[test]
    fn largest_class_fills_the_heap_then_fails_cleanly() {
        let mut r = Region::with_capacity(32 * 1024).unwrap();
        let mut t = Tlsf::new(&mut r, 8, 32 * 1024);
        let mut p = Pools::default();
        let mut n = 0;
        while p.allocate(&mut r, &mut t, SMALL_MAX).is_some() {
            n += 1;
        }
        assert!(p.page_count() >= 2);
        assert_eq!(n, slots_per_page(SMALL_MAX) * p.page_count());
        assert!(t.walk(&r, |_| {}).is_ok());
    }
}
