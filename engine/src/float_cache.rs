//! The float cache: one shared object per integral float in a configured range.
//!
//! Game code is full of `1.0`, `0.0`, `-1.0` produced by arithmetic; the seed studio
//! found caching the integral floats -10..=10 saved memory on every screen. Whatever
//! operation produces such a value gets the shared object, so `1.0 is 2.0 - 1.0` holds.
//! `-0.0` is excluded (it must keep its sign). Slots are filled on first use, so a VM
//! that never makes a float pays nothing.
//!
//! The cache owns one reference to each filled slot; the VM releases them at shutdown.
//! Counters: a hit is a float served by the cache, a miss a float that had to be boxed.

use crate::config::FloatCacheRange;
use crate::value::Value;
use heapless::Vec;

/// The widest range the fixed table can hold.
pub const MAX_CACHED_FLOATS: usize = 256;

/// Hits and misses since the VM started.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FloatCacheStats {
    /// Floats served by a shared object.
    pub hits: u64,
    /// Floats that needed a new box.
    pub misses: u64,
}

#[derive(Debug)]
pub(crate) struct FloatCache {
    low: i32,
    /// One slot per value `low..=high`; `Value::NULL` until first used. Empty when off.
    slots: Vec<Value, MAX_CACHED_FLOATS>,
    stats: FloatCacheStats,
}

impl FloatCache {
    /// `None` when the range is reversed or wider than [`MAX_CACHED_FLOATS`].
    pub(crate) fn new(range: Option<FloatCacheRange>) -> Option<FloatCache> {
        let mut slots = Vec::new();
        let mut low = 0;
        if let Some(r) = range {
            let span = i64::from(r.high) - i64::from(r.low) + 1;
            if span < 1 || span > MAX_CACHED_FLOATS as i64 {
                return None;
            }
            low = r.low;
            slots.resize(span as usize, Value::NULL).ok()?;
        }
        Some(FloatCache { low, slots, stats: FloatCacheStats::default() })
    }

    /// The slot index for `x`, if the cache covers it.
    pub(crate) fn slot_of(&self, x: f64) -> Option<usize> {
        if self.slots.is_empty() || libm::trunc(x) != x || (x == 0.0 && x.is_sign_negative()) {
            return None;
        }
        let index = x - f64::from(self.low);
        (index >= 0.0 && index < self.slots.len() as f64).then_some(index as usize)
    }

    pub(crate) fn get(&self, slot: usize) -> Value {
        self.slots[slot]
    }

    pub(crate) fn fill(&mut self, slot: usize, v: Value) {
        self.slots[slot] = v;
    }

    pub(crate) fn count_hit(&mut self) {
        self.stats.hits += 1;
    }

    pub(crate) fn count_miss(&mut self) {
        self.stats.misses += 1;
    }

    pub(crate) fn stats(&self) -> FloatCacheStats {
        self.stats
    }

    /// Empties every slot, returning the references the cache held.
    pub(crate) fn take_all(&mut self) -> impl Iterator<Item = Value> + '_ {
        self.slots.iter_mut().map(|s| core::mem::replace(s, Value::NULL)).filter(|v| *v != Value::NULL)
    }
}
