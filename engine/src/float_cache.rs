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
    /// Asked after every float operation, so it reads the bits with integer operations
    /// only (float conversions are long-latency instructions): an integral value has no
    /// fraction bits in its mantissa. `-0.0` (sign bit alone) has no slot.
    #[inline]
    pub(crate) fn slot_of(&self, x: f64) -> Option<usize> {
        let bits = x.to_bits();
        let value = if bits == 0 {
            0
        } else {
            let exponent = ((bits >> 52) & 0x7ff) as i64 - 1023;
            if !(0..=30).contains(&exponent) || bits & ((1u64 << (52 - exponent)) - 1) != 0 {
                return None;
            }
            // Integral with magnitude below 2^31: exact.
            x as i32
        };
        let slot = i64::from(value) - i64::from(self.low);
        (0..self.slots.len() as i64).contains(&slot).then_some(slot as usize)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_integral_floats_in_range_have_a_slot() {
        let cache = FloatCache::new(Some(FloatCacheRange { low: -10, high: 10 })).unwrap();
        assert_eq!(cache.slot_of(-10.0), Some(0));
        assert_eq!(cache.slot_of(0.0), Some(10));
        assert_eq!(cache.slot_of(10.0), Some(20));
        assert_eq!(cache.slot_of(-1.0), Some(9));
        assert_eq!(cache.slot_of(7.0), Some(17));
        let odd = [-0.0, 0.5, -0.5, 9.999, -10.5, 10.5, 11.0, -11.0, 1e-300, 5e-324, 2147483648.0, 1e300];
        for x in odd.into_iter().chain([f64::NAN, f64::INFINITY, f64::NEG_INFINITY, f64::MAX, f64::MIN]) {
            assert_eq!(cache.slot_of(x), None, "{x}");
        }
        let wide = FloatCache::new(Some(FloatCacheRange { low: -100, high: 155 })).unwrap();
        assert_eq!((wide.slot_of(-100.0), wide.slot_of(64.0), wide.slot_of(155.0)), (Some(0), Some(164), Some(255)));
        assert_eq!((wide.slot_of(156.0), wide.slot_of(-101.0), wide.slot_of(64.5)), (None, None, None));
        let off = FloatCache::new(None).unwrap();
        assert_eq!(off.slot_of(1.0), None);
    }
}
