//! The script heap: one region, its two allocators, and the ledger that names every byte.
//!
//! All engine memory for script objects is requested here with a size, an owning
//! [`Subsystem`] and a [`BlockRole`]; requests up to [`SMALL_MAX`] bytes come from the
//! size-class pools, larger ones from the TLSF. The caller frees with the same size,
//! owner and role it allocated with (objects always know their own size).
//!
//! Promises:
//! - A request that does not fit returns [`OutOfMemory`]; nothing panics or aborts, and
//!   a failed request changes no state.
//! - The heap keeps its own count of bytes in use; [`Heap::verify`] recomputes it by
//!   walking every block and page and checks it against the ledger's per-subsystem sum.
//! - Offset 0..8 is never handed out, so offset 0 can mean "no block" everywhere.
//! - The *object map* (one bit per 8-byte granule of the region, kept at the region's
//!   start, before the blocks the allocators manage) has a bit set exactly where a live
//!   object block starts ([`Heap::mark_object_start`]). It is how the cycle detector
//!   finds every object without a list through them: 1/64 of the region, the ratio of
//!   MicroPython's allocation table, and no per-object bytes. It is reported apart from
//!   the bytes in use (`HeapStats::object_map_bytes`).

use crate::accounting::{BlockRole, Ledger, Subsystem, SubsystemStats};
use crate::pool::{self, Pools, SMALL_MAX};
use crate::region::Region;
use crate::tlsf::Tlsf;

/// The heap could not satisfy a request; the VM raises `MemoryError`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct OutOfMemory {
    /// The request's payload size in bytes.
    pub requested: u32,
}

/// The heap's own view of the region, independent of the ledger.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct HeapStats {
    /// The whole region.
    pub region_bytes: u64,
    /// Bytes in blocks handed out (pool slots and large blocks, rounding included).
    pub in_use_bytes: u64,
    /// The most `in_use_bytes` ever reached.
    pub high_water_bytes: u64,
    /// Bytes in free TLSF blocks.
    pub free_bytes: u64,
    /// Pool pages taken from the TLSF.
    pub pool_pages: u32,
    /// Bytes inside pool pages not handed out: page headers, free slots, tail waste.
    pub pool_slack_bytes: u64,
    /// Requests that failed (out of memory or injected).
    pub failed_allocations: u64,
    /// The object map at the region's start (not part of `in_use_bytes` or `free_bytes`).
    pub object_map_bytes: u64,
}

/// What [`Heap::verify`] found wrong.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct HeapCorruption {
    pub what: &'static str,
}

#[derive(Debug)]
pub struct Heap {
    region: Region,
    tlsf: Tlsf,
    pools: Pools,
    ledger: Ledger,
    in_use: u64,
    high_water: u64,
    failed: u64,
    /// Fault injection: this many more requests succeed, then one fails.
    fail_countdown: Option<u64>,
    /// Offset and length in 32-bit words of the object map.
    object_map: u32,
    object_map_words: u32,
    /// Where objects were made, while creation sites are tracked.
    pub(crate) sites: Option<alloc::boxed::Box<SiteLog>>,
}

/// The code and instruction that made each object, kept while the VM tracks creation
/// sites (`gc.set_debug(gc.DEBUG_LEAK)`), so a cycle report can say where its objects
/// came from. A debugging aid: it lives in host memory, not in the script heap, and
/// costs nothing while it is off.
#[derive(Debug, Default)]
pub(crate) struct SiteLog {
    /// The instruction running now: (code object, instruction index); (0, 0) outside
    /// script code. The interpreter keeps it current.
    pub(crate) now: (u32, u32),
    /// Object offset -> (code, instruction) of the objects made since tracking began.
    pub(crate) made_at: alloc::collections::BTreeMap<u32, (u32, u32)>,
    /// The code objects `made_at` names; the log holds a reference to each, so a line
    /// can be found for any of them later.
    pub(crate) codes: alloc::collections::BTreeSet<u32>,
}

/// First offset the allocators manage; 0..8 stays unused so 0 is never a block.
const HEAP_START: u32 = 8;

impl Heap {
    pub fn new(mut region: Region) -> Heap {
        let end = region.len() as u32 & !7;
        let object_map_words = (end / 8).div_ceil(32);
        let map_bytes = (object_map_words * 4 + 7) & !7;
        region.fill(HEAP_START, map_bytes as usize, 0);
        let tlsf = Tlsf::new(&mut region, HEAP_START + map_bytes, end);
        Heap {
            sites: None,
            object_map: HEAP_START,
            object_map_words,
            region,
            tlsf,
            pools: Pools::default(),
            ledger: Ledger::default(),
            in_use: 0,
            high_water: 0,
            failed: 0,
            fail_countdown: None,
        }
    }

    #[inline(always)]
    pub fn region(&self) -> &Region {
        &self.region
    }

    #[inline(always)]
    pub fn region_mut(&mut self) -> &mut Region {
        &mut self.region
    }

    /// Allocates `bytes` for `owner`; the block's bytes are uninitialised (stale).
    pub fn allocate(&mut self, bytes: u32, owner: Subsystem, role: BlockRole) -> Result<u32, OutOfMemory> {
        let oom = OutOfMemory { requested: bytes };
        if let Some(left) = self.fail_countdown.as_mut() {
            if *left == 0 {
                self.fail_countdown = None;
                self.failed += 1;
                return Err(oom);
            }
            *left -= 1;
        }
        let bytes = bytes.max(1);
        let (offset, size) = if bytes <= SMALL_MAX {
            let slot = pool::slot_size(bytes);
            let found = match self.pools.allocate(&mut self.region, &mut self.tlsf, slot) {
                Some(at) => Some(at),
                None => {
                    self.pools.release_empty_pages(&mut self.region, &mut self.tlsf);
                    self.pools.allocate(&mut self.region, &mut self.tlsf, slot)
                }
            };
            (found, slot)
        } else {
            let found = match self.tlsf.allocate(&mut self.region, bytes) {
                Some(at) => Some(at),
                None => {
                    self.pools.release_empty_pages(&mut self.region, &mut self.tlsf);
                    self.tlsf.allocate(&mut self.region, bytes)
                }
            };
            (found, found.map_or(0, |at| Tlsf::block_size(&self.region, at)))
        };
        let Some(offset) = offset else {
            self.failed += 1;
            return Err(oom);
        };
        self.in_use += u64::from(size);
        self.high_water = self.high_water.max(self.in_use);
        self.ledger.charge(owner, size, role);
        Ok(offset)
    }

    /// Frees a block allocated with the same `bytes`, `owner` and `role`.
    pub fn free(&mut self, offset: u32, bytes: u32, owner: Subsystem, role: BlockRole) {
        let bytes = bytes.max(1);
        let size = if bytes <= SMALL_MAX {
            let slot = pool::slot_size(bytes);
            self.pools.free(&mut self.region, &mut self.tlsf, offset, slot);
            slot
        } else {
            self.tlsf.free(&mut self.region, offset)
        };
        self.in_use -= u64::from(size);
        self.ledger.refund(owner, size, role);
    }

    /// The real bytes of a live block allocated with `bytes`: the pool slot, or the whole
    /// TLSF block with its header. This is what `getsizeof` and the ledger count.
    pub fn block_bytes(&self, offset: u32, bytes: u32) -> u32 {
        let bytes = bytes.max(1);
        if bytes <= SMALL_MAX {
            pool::slot_size(bytes)
        } else {
            Tlsf::block_size(&self.region, offset)
        }
    }

    /// The bytes of the live block at `offset`, allocated with at most [`SMALL_MAX`]
    /// bytes: its pool slot, read from its page (for objects whose size only the block
    /// records: an instance's inline attribute capacity).
    #[inline(always)]
    pub fn small_block_bytes(&self, offset: u32) -> u32 {
        pool::slot_size_at(&self.region, offset)
    }

    /// Makes the request after `successes` more successful ones fail (once).
    pub fn fail_after(&mut self, successes: u64) {
        self.fail_countdown = Some(successes);
    }

    /// Cancels a pending injected failure.
    pub fn clear_fault_injection(&mut self) {
        self.fail_countdown = None;
    }

    pub fn subsystem(&self, owner: Subsystem) -> SubsystemStats {
        self.ledger.get(owner)
    }

    pub fn ledger(&self) -> &Ledger {
        &self.ledger
    }

    pub fn stats(&self) -> HeapStats {
        let pool_pages = self.pools.page_count();
        let mut page_bytes = 0u64;
        let mut large_in_use = 0u64;
        // The walk can only fail on corruption, which `verify` reports; stats stay cheap.
        let _ = self.tlsf.walk(&self.region, |b| {
            if b.page {
                page_bytes += u64::from(b.size);
            } else if !b.free {
                large_in_use += u64::from(b.size);
            }
        });
        HeapStats {
            region_bytes: self.region.len() as u64,
            in_use_bytes: self.in_use,
            high_water_bytes: self.high_water,
            free_bytes: self.tlsf.free_bytes(),
            pool_pages,
            pool_slack_bytes: page_bytes - (self.in_use - large_in_use),
            failed_allocations: self.failed,
            // The map fills the region from HEAP_START to where the allocators start.
            object_map_bytes: u64::from(self.tlsf.start() - HEAP_START),
        }
    }

    /// Records that an object block starts at `at` (called when it is made).
    #[inline]
    pub(crate) fn mark_object_start(&mut self, at: u32) {
        let (word, bit) = self.object_map_position(at);
        let r = self.region_mut();
        let bits = r.read_u32(word);
        r.write_u32(word, bits | bit);
        if self.sites.is_some() {
            self.record_site(at);
        }
    }

    /// Records that the object block at `at` is gone (called when it is freed).
    #[inline]
    pub(crate) fn clear_object_start(&mut self, at: u32) {
        let (word, bit) = self.object_map_position(at);
        let r = self.region_mut();
        let bits = r.read_u32(word);
        r.write_u32(word, bits & !bit);
        if let Some(log) = self.sites.as_mut() {
            log.made_at.remove(&at);
        }
    }

    #[cold]
    fn record_site(&mut self, at: u32) {
        let Some(log) = self.sites.as_mut() else { return };
        let (code, index) = log.now;
        if code == 0 {
            return;
        }
        log.made_at.insert(at, (code, index));
        if log.codes.insert(code) {
            self.incref(crate::value::Value::from_offset(code));
        }
    }

    #[inline(always)]
    fn object_map_position(&self, at: u32) -> (u32, u32) {
        let granule = at / 8;
        (self.object_map + 4 * (granule / 32), 1 << (granule % 32))
    }

    /// The first live object at or after offset `from`, in address order.
    pub(crate) fn next_object(&self, from: u32) -> Option<u32> {
        let granule = from.div_ceil(8);
        let mut word = granule / 32;
        if word >= self.object_map_words {
            return None;
        }
        let mut bits = self.region.read_u32(self.object_map + 4 * word) & (u32::MAX << (granule % 32));
        loop {
            if bits != 0 {
                return Some(8 * (32 * word + bits.trailing_zeros()));
            }
            word += 1;
            if word >= self.object_map_words {
                return None;
            }
            bits = self.region.read_u32(self.object_map + 4 * word);
        }
    }

    /// Bytes the allocators manage: the region less offset 0..8 and the object map.
    pub fn managed_bytes(&self) -> u64 {
        u64::from(self.tlsf.end() - self.tlsf.start())
    }

    /// Bytes in use by the allocator's running count.
    pub fn in_use_bytes(&self) -> u64 {
        self.in_use
    }

    /// Walks every TLSF block and pool page, recounts the bytes in use from what is
    /// physically there, and checks that count against the running count and the ledger.
    pub fn verify(&self) -> Result<(), HeapCorruption> {
        let mut counted = 0u64;
        let mut pages = 0u32;
        let mut page_error = None;
        self.tlsf
            .walk(&self.region, |b| {
                if b.page {
                    pages += 1;
                    match Pools::inspect_page(&self.region, b.offset + crate::tlsf::HEADER_BYTES) {
                        Ok(info) => counted += u64::from(info.used_slots * info.slot_size),
                        Err(what) => page_error = Some(what),
                    }
                } else if !b.free {
                    counted += u64::from(b.size);
                }
            })
            .map_err(|what| HeapCorruption { what })?;
        if let Some(what) = page_error {
            return Err(HeapCorruption { what });
        }
        if pages != self.pools.page_count() {
            return Err(HeapCorruption { what: "pool page count disagrees with the pages found" });
        }
        if counted != self.in_use {
            return Err(HeapCorruption { what: "bytes in use disagree with the blocks found" });
        }
        if self.ledger.total_live_bytes() != counted {
            return Err(HeapCorruption { what: "subsystem bytes do not add up to the bytes in use" });
        }
        Ok(())
    }

    /// Returns kept empty pool pages to the general allocator.
    pub fn trim(&mut self) {
        self.pools.release_empty_pages(&mut self.region, &mut self.tlsf);
    }

    /// Ends the heap and hands the region back. The caller has freed every object.
    pub fn into_region(mut self) -> Region {
        self.trim();
        self.region
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::vec::Vec;

    #[test]
    fn sizes_are_charged_to_owners_with_rounding() {
        let mut h = Heap::new(Region::with_capacity(64 * 1024).unwrap());
        let a = h.allocate(13, Subsystem::Str, BlockRole::Object).unwrap();
        let b = h.allocate(300, Subsystem::List, BlockRole::Table).unwrap();
        assert_eq!(h.block_bytes(a, 13), 16);
        assert_eq!(h.block_bytes(b, 300), 312);
        assert_eq!(h.subsystem(Subsystem::Str).live_bytes, 16);
        assert_eq!(h.subsystem(Subsystem::List).live_bytes, 312);
        assert_eq!(h.subsystem(Subsystem::List).live_objects, 0);
        h.verify().unwrap();
        h.free(a, 13, Subsystem::Str, BlockRole::Object);
        h.free(b, 300, Subsystem::List, BlockRole::Table);
        h.verify().unwrap();
        assert_eq!(h.in_use_bytes(), 0);
        assert_eq!(h.subsystem(Subsystem::Str).high_water_bytes, 16);
    }

    #[test]
    fn injected_failure_hits_exactly_the_nth_request() {
        let mut h = Heap::new(Region::with_capacity(16 * 1024).unwrap());
        h.fail_after(2);
        assert!(h.allocate(8, Subsystem::Int, BlockRole::Object).is_ok());
        assert!(h.allocate(8, Subsystem::Int, BlockRole::Object).is_ok());
        assert_eq!(h.allocate(8, Subsystem::Int, BlockRole::Object), Err(OutOfMemory { requested: 8 }));
        assert!(h.allocate(8, Subsystem::Int, BlockRole::Object).is_ok());
        assert_eq!(h.stats().failed_allocations, 1);
        h.verify().unwrap();
    }

    #[test]
    fn exhaustion_is_an_error_and_empty_pages_are_reclaimed_for_large_blocks() {
        let mut h = Heap::new(Region::with_capacity(32 * 1024).unwrap());
        let mut small = Vec::new();
        while let Ok(at) = h.allocate(64, Subsystem::Tuple, BlockRole::Object) {
            small.push(at);
        }
        assert!(h.allocate(20_000, Subsystem::List, BlockRole::Table).is_err());
        for at in small {
            h.free(at, 64, Subsystem::Tuple, BlockRole::Object);
        }
        // One empty page is kept for the class, but a large request reclaims it.
        let big = h.allocate(28_000, Subsystem::List, BlockRole::Table).unwrap();
        h.verify().unwrap();
        h.free(big, 28_000, Subsystem::List, BlockRole::Table);
        let stats = h.stats();
        let map = (32 * 1024 / 64 + 7) & !7;
        assert_eq!(stats.object_map_bytes, map);
        assert_eq!((stats.in_use_bytes, stats.free_bytes), (0, 32 * 1024 - 8 - map));
    }

    #[test]
    fn small_objects_can_fill_nearly_the_whole_heap() {
        // Pool pages are whole aligned blocks that tile the region: no gap between two
        // pages, so small objects alone can use all but the pages' own headers.
        let mut h = Heap::new(Region::with_capacity(if cfg!(miri) { 64 * 1024 } else { 1 << 20 }).unwrap());
        let mut n = 0u64;
        while h.allocate(24, Subsystem::Tuple, BlockRole::Object).is_ok() {
            n += 1;
        }
        h.verify().unwrap();
        // Less the stretch before the first aligned page, which only large blocks use.
        let usable = h.managed_bytes() - u64::from(crate::pool::PAGE_BYTES);
        assert!(n * 24 * 100 >= usable * 97, "{n} objects in {} bytes", h.managed_bytes());
    }

    #[test]
    fn random_mixed_workload_adds_up() {
        let mut h = Heap::new(Region::with_capacity(1 << 18).unwrap());
        let owners = Subsystem::ALL;
        let mut live: Vec<(u32, u32, Subsystem)> = Vec::new();
        let mut seed = 0x9e37_79b9u32;
        for step in 0..(if cfg!(miri) { 300 } else { 20_000 }) {
            seed ^= seed << 13;
            seed ^= seed >> 17;
            seed ^= seed << 5;
            if seed % 5 < 3 || live.is_empty() {
                let bytes = if seed.is_multiple_of(7) { seed % 3000 } else { seed % 200 };
                let owner = owners[(seed as usize >> 8) % owners.len()];
                if let Ok(at) = h.allocate(bytes, owner, BlockRole::Object) {
                    live.push((at, bytes, owner));
                }
            } else {
                let (at, bytes, owner) = live.swap_remove((seed as usize >> 4) % live.len());
                h.free(at, bytes, owner, BlockRole::Object);
            }
            if step % 997 == 0 {
                h.verify().unwrap();
            }
        }
        h.verify().unwrap();
        for (at, bytes, owner) in live {
            h.free(at, bytes, owner, BlockRole::Object);
        }
        h.verify().unwrap();
        assert_eq!(h.ledger().total_live_bytes(), 0);
        assert_eq!(h.ledger().total_live_objects(), 0);
    }
}
