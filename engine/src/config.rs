//! VM configuration: the memory profile chosen at creation, and the table size rules it
//! implies for dicts and sets.
//!
//! The two profiles are the seed's experiment made permanent: `Tight` (min size 1,
//! resize at 4/5 fill, grow to 1.5 x used, float cache on) is mote's default; `Stock`
//! reproduces CPython 2.7's parameters (min size 8, resize at 2/3, grow to 4 x used,
//! 2 x above 50,000, no float cache) so the difference can be measured side by side.

/// The memory profile of a VM, fixed at creation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub enum Profile {
    Tight,
    Stock,
}

impl Profile {
    pub fn name(self) -> &'static str {
        match self {
            Profile::Tight => "tight",
            Profile::Stock => "stock",
        }
    }

    /// Parses `"tight"` or `"stock"`.
    pub fn from_name(name: &str) -> Option<Profile> {
        match name {
            "tight" => Some(Profile::Tight),
            "stock" => Some(Profile::Stock),
            _ => None,
        }
    }

    /// How this profile sizes hash tables.
    pub fn table_rules(self) -> TableRules {
        match self {
            Profile::Tight => TableRules {
                min_slots: 1,
                load_num: 4,
                load_den: 5,
                growth_num: 3,
                growth_den: 2,
                large_used: u32::MAX,
                large_growth_num: 3,
                exact_capacity: true,
                shrink_on_delete: true,
            },
            Profile::Stock => TableRules {
                min_slots: 8,
                load_num: 2,
                load_den: 3,
                growth_num: 4,
                growth_den: 1,
                large_used: 50_000,
                large_growth_num: 2,
                exact_capacity: false,
                shrink_on_delete: false,
            },
        }
    }
}

/// The integral floats that share one object each, `low..=high`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct FloatCacheRange {
    pub low: i32,
    pub high: i32,
}

impl FloatCacheRange {
    /// The design's default, -10..=10.
    pub const DEFAULT: FloatCacheRange = FloatCacheRange { low: -10, high: 10 };
}

/// Everything a VM is created with besides its region.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct VmConfig {
    pub profile: Profile,
    /// `None` turns the float cache off.
    pub float_cache: Option<FloatCacheRange>,
    /// The deepest chain of script calls before `RecursionError` (CPython's default: 1000).
    pub recursion_limit: u32,
}

impl VmConfig {
    /// The profile with its own float-cache default (on for tight, off for stock).
    pub fn new(profile: Profile) -> VmConfig {
        let float_cache = match profile {
            Profile::Tight => Some(FloatCacheRange::DEFAULT),
            Profile::Stock => None,
        };
        VmConfig { profile, float_cache, recursion_limit: 1000 }
    }

    pub fn with_float_cache(mut self, range: Option<FloatCacheRange>) -> VmConfig {
        self.float_cache = range;
        self
    }
}

impl Default for VmConfig {
    fn default() -> VmConfig {
        VmConfig::new(Profile::Tight)
    }
}

/// Sizing rules for open-addressed tables (dict indexes, sets).
///
/// A table has a power-of-two number of slots `s`; it may hold `usable(s)` entries
/// (`s * load_num / load_den`, at least 1). When an insert finds it full, it is rebuilt
/// with the smallest `s >= min_slots` whose `usable(s)` reaches `grow(used)`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct TableRules {
    pub min_slots: u32,
    pub load_num: u32,
    pub load_den: u32,
    pub growth_num: u32,
    pub growth_den: u32,
    /// Above this many used entries, growth uses `large_growth_num` (x1) instead.
    pub large_used: u32,
    pub large_growth_num: u32,
    /// Tables with a separate entry array (dicts) give it exactly `grow(used)` entries
    /// rather than all `usable(s)` the index could address (tight's "grow to 1.5 x used").
    pub exact_capacity: bool,
    /// Rebuild smaller when deletions leave the table mostly empty.
    pub shrink_on_delete: bool,
}

impl TableRules {
    /// Entries a table of `slots` may hold.
    pub fn usable(&self, slots: u32) -> u32 {
        (((u64::from(slots) * u64::from(self.load_num)) / u64::from(self.load_den)) as u32).max(1)
    }

    /// Entries the next table must hold when `used` live entries need one more.
    pub fn grow(&self, used: u32) -> u32 {
        let scaled = if used > self.large_used {
            u64::from(used) * u64::from(self.large_growth_num)
        } else {
            (u64::from(used) * u64::from(self.growth_num)).div_ceil(u64::from(self.growth_den))
        };
        (scaled.min(u64::from(u32::MAX / 2)) as u32).max(used.saturating_add(1))
    }

    /// The slot count of a table that holds at least `need` entries, or `None` if no
    /// 32-bit table can.
    pub fn slots_for(&self, need: u32) -> Option<u32> {
        let mut slots = self.min_slots.max(1);
        while self.usable(slots) < need {
            slots = slots.checked_mul(2)?;
        }
        Some(slots)
    }

    /// Entries to allocate for a table of `slots` built to hold `need`.
    pub fn capacity(&self, slots: u32, need: u32) -> u32 {
        if self.exact_capacity {
            need.min(self.usable(slots))
        } else {
            self.usable(slots)
        }
    }

    /// Whether a table of `slots` holding `used` entries should be rebuilt smaller.
    pub fn should_shrink(&self, slots: u32, used: u32) -> bool {
        self.shrink_on_delete && slots > self.min_slots && used * 4 <= self.usable(slots)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tight_sizes_follow_the_seed_rules() {
        let r = Profile::Tight.table_rules();
        assert_eq!(r.usable(1), 1);
        assert_eq!(r.usable(4), 3);
        assert_eq!(r.usable(16), 12);
        assert_eq!(r.grow(1), 2);
        assert_eq!(r.grow(3), 5);
        assert_eq!(r.grow(12), 18);
        assert_eq!(r.slots_for(2), Some(4));
        assert_eq!(r.slots_for(18), Some(32));
    }

    #[test]
    fn stock_sizes_follow_cpython_27() {
        let r = Profile::Stock.table_rules();
        assert_eq!(r.usable(8), 5);
        assert_eq!(r.grow(5), 20);
        assert_eq!(r.grow(60_000), 120_000);
        assert_eq!(r.slots_for(1), Some(8));
        assert_eq!(r.slots_for(20), Some(32));
        assert!(!r.should_shrink(1024, 0));
    }

    #[test]
    fn huge_requests_do_not_overflow() {
        let r = Profile::Tight.table_rules();
        assert!(r.slots_for(u32::MAX).is_none());
        assert!(r.grow(u32::MAX - 1) >= u32::MAX / 2);
    }
}
