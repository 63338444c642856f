//! The simulated machine's main memory: named budgets, and script regions lent from one.
//!
//! A console title plans its memory up front: so much for the OS, so much for the game's
//! own heaps, so much for scripts. [`MemoryMap`] holds that plan and enforces it: a VM's
//! region is lent out of the script budget ([`MemoryMap::lend_script_region`]) and must be
//! given back when the VM is shut down, and the map knows at every moment how much of each
//! budget is out, its high-water mark and how many regions are out.
//!
//! Invariants: the budgets add up to at most the main memory; a budget's lent bytes never
//! exceed its size; every lent byte is counted until given back.
//! Must never: lend beyond a budget, or accept back a region it did not lend.

use alloc::string::String;
use alloc::vec::Vec;
use core::fmt;
use mote::region::{Region, RegionError};

const MIB: u64 = 1024 * 1024;

/// One named slice of main memory in a machine's plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetSpec {
    pub name: String,
    pub bytes: u64,
}

/// A machine: how much main memory it has and how the title splits it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachineSpec {
    pub main_memory_bytes: u64,
    pub budgets: Vec<BudgetSpec>,
    /// The budget script regions are lent from.
    pub script_budget: String,
}

impl MachineSpec {
    /// A PS3-like machine: 256 MiB of main memory; 48 MiB kept by the OS, 144 MiB for the
    /// game's own heaps, 64 MiB for scripts.
    pub fn ps3_like() -> MachineSpec {
        MachineSpec::with_script_budget(64 * MIB)
    }

    /// The PS3-like machine with `script_bytes` for scripts, taken from the game's share.
    pub fn with_script_budget(script_bytes: u64) -> MachineSpec {
        let main = 256 * MIB;
        let os = 48 * MIB;
        MachineSpec {
            main_memory_bytes: main,
            budgets: alloc::vec![
                BudgetSpec { name: "os".into(), bytes: os },
                BudgetSpec { name: "game".into(), bytes: main.saturating_sub(os).saturating_sub(script_bytes) },
                BudgetSpec { name: "script".into(), bytes: script_bytes },
            ],
            script_budget: "script".into(),
        }
    }
}

/// What a budget holds right now.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    pub name: String,
    pub bytes: u64,
    /// Bytes lent out of it now.
    pub lent_bytes: u64,
    /// The most ever lent at once.
    pub high_water_bytes: u64,
    /// Regions lent and not yet given back.
    pub regions_out: u32,
}

impl Budget {
    pub fn free_bytes(&self) -> u64 {
        self.bytes - self.lent_bytes
    }
}

/// Why the platform refused.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformError {
    /// The budgets of a spec add up to more than its main memory.
    BudgetsExceedMemory { budgets: u64, main_memory: u64 },
    /// The spec names a script budget it does not define.
    NoSuchBudget(String),
    /// The request does not fit what is left of the budget.
    OverBudget { budget: String, requested: u64, free: u64 },
    /// The engine refused the region size, or the host allocator had no memory.
    Region(RegionError),
    /// A region was given back that this map did not lend (or lent fewer bytes than it has).
    NotLent { bytes: u64 },
}

impl fmt::Display for PlatformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformError::BudgetsExceedMemory { budgets, main_memory } => {
                write!(f, "budgets add up to {budgets} bytes, more than the {main_memory} bytes of main memory")
            }
            PlatformError::NoSuchBudget(name) => write!(f, "no budget named '{name}'"),
            PlatformError::OverBudget { budget, requested, free } => {
                write!(f, "the '{budget}' budget has {free} bytes free; {requested} were asked for")
            }
            PlatformError::Region(e) => write!(f, "region refused: {e:?}"),
            PlatformError::NotLent { bytes } => write!(f, "a region of {bytes} bytes came back that was not lent"),
        }
    }
}

/// The machine's memory plan, and the ledger of what is lent out of it.
#[derive(Debug)]
pub struct MemoryMap {
    main_memory_bytes: u64,
    budgets: Vec<Budget>,
    script: usize,
}

impl MemoryMap {
    pub fn new(spec: &MachineSpec) -> Result<MemoryMap, PlatformError> {
        let total: u64 = spec.budgets.iter().map(|b| b.bytes).sum();
        if total > spec.main_memory_bytes {
            return Err(PlatformError::BudgetsExceedMemory { budgets: total, main_memory: spec.main_memory_bytes });
        }
        let script = spec
            .budgets
            .iter()
            .position(|b| b.name == spec.script_budget)
            .ok_or_else(|| PlatformError::NoSuchBudget(spec.script_budget.clone()))?;
        let budgets = spec
            .budgets
            .iter()
            .map(|b| Budget {
                name: b.name.clone(),
                bytes: b.bytes,
                lent_bytes: 0,
                high_water_bytes: 0,
                regions_out: 0,
            })
            .collect();
        Ok(MemoryMap { main_memory_bytes: spec.main_memory_bytes, budgets, script })
    }

    pub fn main_memory_bytes(&self) -> u64 {
        self.main_memory_bytes
    }

    /// Every budget, in plan order.
    pub fn budgets(&self) -> &[Budget] {
        &self.budgets
    }

    /// The budget script regions come from.
    pub fn script_budget(&self) -> &Budget {
        &self.budgets[self.script]
    }

    /// Lends a region of `bytes` (rounded down to 8) out of the script budget.
    pub fn lend_script_region(&mut self, bytes: u64) -> Result<Region, PlatformError> {
        let bytes = bytes & !7;
        let budget = &self.budgets[self.script];
        if bytes > budget.free_bytes() {
            return Err(PlatformError::OverBudget {
                budget: budget.name.clone(),
                requested: bytes,
                free: budget.free_bytes(),
            });
        }
        let size = usize::try_from(bytes).map_err(|_| PlatformError::Region(RegionError::BadSize))?;
        let region = Region::with_capacity(size).map_err(PlatformError::Region)?;
        let budget = &mut self.budgets[self.script];
        budget.lent_bytes += region.len() as u64;
        budget.high_water_bytes = budget.high_water_bytes.max(budget.lent_bytes);
        budget.regions_out += 1;
        Ok(region)
    }

    /// Takes back a region lent by [`MemoryMap::lend_script_region`] (dropping it frees
    /// the memory).
    pub fn give_back_script_region(&mut self, region: Region) -> Result<(), PlatformError> {
        let bytes = region.len() as u64;
        let budget = &mut self.budgets[self.script];
        if budget.regions_out == 0 || bytes > budget.lent_bytes {
            return Err(PlatformError::NotLent { bytes });
        }
        budget.lent_bytes -= bytes;
        budget.regions_out -= 1;
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_ps3_like_plan_fits_its_memory() {
        let map = MemoryMap::new(&MachineSpec::ps3_like()).unwrap();
        assert_eq!(map.main_memory_bytes(), 256 * MIB);
        let total: u64 = map.budgets().iter().map(|b| b.bytes).sum();
        assert_eq!(total, 256 * MIB);
        assert_eq!(map.script_budget().bytes, 64 * MIB);
    }

    #[test]
    fn lending_and_giving_back_restore_the_budget() {
        let mut map = MemoryMap::new(&MachineSpec::with_script_budget(4 * MIB)).unwrap();
        let a = map.lend_script_region(MIB).unwrap();
        let b = map.lend_script_region(2 * MIB + 5).unwrap();
        assert_eq!(b.len() as u64, 2 * MIB, "sizes are rounded down to 8");
        let s = map.script_budget();
        assert_eq!((s.lent_bytes, s.regions_out, s.free_bytes()), (3 * MIB, 2, MIB));
        map.give_back_script_region(a).unwrap();
        map.give_back_script_region(b).unwrap();
        let s = map.script_budget();
        assert_eq!((s.lent_bytes, s.regions_out, s.high_water_bytes), (0, 0, 3 * MIB));
    }

    #[test]
    fn over_budget_is_a_clear_error() {
        let mut map = MemoryMap::new(&MachineSpec::with_script_budget(MIB)).unwrap();
        let held = map.lend_script_region(MIB / 2).unwrap();
        let err = map.lend_script_region(MIB).unwrap_err();
        assert_eq!(err, PlatformError::OverBudget { budget: "script".into(), requested: MIB, free: MIB / 2 });
        assert!(alloc::format!("{err}").contains("'script' budget has 524288 bytes free"));
        map.give_back_script_region(held).unwrap();
    }

    #[test]
    fn bad_plans_and_strangers_are_refused() {
        let mut spec = MachineSpec::ps3_like();
        spec.budgets[0].bytes += 1;
        assert!(matches!(MemoryMap::new(&spec), Err(PlatformError::BudgetsExceedMemory { .. })));
        let mut spec = MachineSpec::ps3_like();
        spec.script_budget = "lua".into();
        assert_eq!(MemoryMap::new(&spec).unwrap_err(), PlatformError::NoSuchBudget("lua".into()));
        let mut map = MemoryMap::new(&MachineSpec::ps3_like()).unwrap();
        let stranger = Region::with_capacity(4096).unwrap();
        assert_eq!(map.give_back_script_region(stranger).unwrap_err(), PlatformError::NotLent { bytes: 4096 });
        assert!(matches!(map.lend_script_region(0), Err(PlatformError::Region(RegionError::BadSize))));
    }

    #[test]
    fn a_vm_runs_in_a_lent_region_and_gives_it_back() {
        let mut map = MemoryMap::new(&MachineSpec::ps3_like()).unwrap();
        let region = map.lend_script_region(MIB).unwrap();
        let mut vm = mote::Vm::new(mote::VmConfig::default(), region).unwrap();
        let s = vm.new_str("hello").unwrap();
        vm.release(s);
        let teardown = vm.shutdown();
        assert_eq!(teardown.leaked_bytes, 0);
        map.give_back_script_region(teardown.region).unwrap();
        assert_eq!(map.script_budget().regions_out, 0);
    }
}
