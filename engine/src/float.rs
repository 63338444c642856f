//! Floats: a boxed f64 (16 bytes), shared through the float cache when integral.

use crate::error::Result;
use crate::object::Kind;
use crate::value::Value;
use crate::vm::Vm;

pub(crate) const BOX_BYTES: u32 = 16;

impl Vm {
    /// A float value (owned by the caller). Integral values in the cache's range return
    /// the one shared object for that value.
    pub fn new_float(&mut self, x: f64) -> Result<Value> {
        let slot = self.float_cache.slot_of(x);
        if let Some(slot) = slot {
            let cached = self.float_cache.get(slot);
            if cached != Value::NULL {
                self.float_cache.count_hit();
                self.heap.incref(cached);
                return Ok(cached);
            }
        }
        let at = self.heap.new_object(Kind::Float, BOX_BYTES)?;
        self.heap.region_mut().write_f64(at + 8, x);
        let v = Value::from_offset(at);
        self.float_cache.count_miss();
        if let Some(slot) = slot {
            // The cache keeps its own reference from now on.
            self.heap.incref(v);
            self.float_cache.fill(slot, v);
        }
        Ok(v)
    }

    /// Stores `x` into float `old` itself when nothing else holds it (the caller owns its
    /// only reference) and `x` is not one the cache shares; false when a new float is
    /// needed. Loops like `total += x * dx` then run without allocating.
    #[inline]
    pub(crate) fn overwrite_unshared_float(&mut self, old: Value, x: f64) -> bool {
        if self.float_cache.slot_of(x).is_some() || !self.overwrite_unshared_box(old, Kind::Float, x.to_bits()) {
            return false;
        }
        self.float_cache.count_miss();
        true
    }

    /// The value of a float object, `None` for anything else.
    pub fn as_float(&self, v: Value) -> Option<f64> {
        let at = v.as_object()?;
        (self.heap.is_kind(at, Kind::Float)).then(|| self.heap.region().read_f64(at + 8))
    }
}

#[cfg(test)]
mod tests {
    use crate::accounting::Subsystem;
    use crate::config::{FloatCacheRange, Profile, VmConfig};
    use crate::test_support::{vm, vm_with};

    #[test]
    fn integral_floats_share_one_object_whatever_made_them() {
        let mut vm = vm();
        let one = vm.new_float(1.0).unwrap();
        let also_one = vm.new_float(2.0 - 1.0).unwrap();
        assert_eq!(one, also_one);
        assert_eq!(vm.as_float(one), Some(1.0));
        let stats = vm.memory().float_cache;
        assert_eq!((stats.hits, stats.misses), (1, 1));
        vm.release(one);
        vm.release(also_one);
        // The cache still holds it.
        assert_eq!(vm.bytes_in_use(), 16);
    }

    #[test]
    fn negative_zero_fractions_and_out_of_range_are_not_shared() {
        let mut vm = vm();
        for x in [-0.0, 0.5, 11.0, -11.0, f64::NAN, f64::INFINITY] {
            let a = vm.new_float(x).unwrap();
            let b = vm.new_float(x).unwrap();
            assert_ne!(a, b, "{x}");
            assert_eq!(vm.as_float(a).unwrap().to_bits(), x.to_bits());
            vm.release(a);
            vm.release(b);
        }
        assert_eq!(vm.bytes_in_use(), 0);
        let edges: [f64; 3] = [-10.0, 10.0, 0.0];
        for x in edges {
            let a = vm.new_float(x).unwrap();
            let b = vm.new_float(x).unwrap();
            assert_eq!(a, b, "{x}");
            vm.release(a);
            vm.release(b);
        }
    }

    #[test]
    fn cache_off_and_custom_ranges() {
        let mut stock = vm_with(VmConfig::new(Profile::Stock));
        let a = stock.new_float(1.0).unwrap();
        let b = stock.new_float(1.0).unwrap();
        assert_ne!(a, b);
        let mut wide = vm_with(VmConfig::default().with_float_cache(Some(FloatCacheRange { low: 0, high: 100 })));
        let c = wide.new_float(100.0).unwrap();
        let d = wide.new_float(100.0).unwrap();
        assert_eq!(c, d);
        assert!(crate::float_cache::FloatCache::new(Some(FloatCacheRange { low: 0, high: 1000 })).is_none());
        assert!(crate::float_cache::FloatCache::new(Some(FloatCacheRange { low: 1, high: 0 })).is_none());
    }

    #[test]
    fn a_float_loop_reuses_its_floats_instead_of_allocating() {
        let mut vm = vm();
        let source = "def integrate(steps):\n    total = 0.0\n    dx = 1.0 / steps\n    x = 0.0\n    \
                      for i in range(steps):\n        total += x * x * dx\n        x += dx\n    return total\n\
                      r = integrate(1000)\n";
        vm.run_main("loop.py", source).unwrap();
        let floats = vm.memory().subsystems.iter().find(|(s, _)| *s == Subsystem::Float).map(|(_, s)| *s).unwrap();
        // The three results per iteration land in floats that only their register holds.
        assert!(floats.total_allocations < 20, "{} float allocations for 1000 iterations", floats.total_allocations);
    }
}
