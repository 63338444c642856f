//! The simulated machine's main memory: a plan of named budgets, and the lender of the
//! script budget.
//!
//! Owns: [`MachineSpec`] (how much main memory, how the title splits it), [`MemoryMap`]
//! (the plan laid out as address ranges, plus the one [`RegionProvider`] of the "script"
//! budget) and [`Budget`].
//! Promises: a map's budgets are non-empty-named, unique, multiples of 8 bytes, laid out
//! back to back from address 0 in plan order, and add up to at most main memory; a map
//! always has a "script" budget and exactly one lender for it.
//! Must never: lend from a budget other than "script" (the OS and game budgets are only
//! planned here), or hand out the simulated addresses as host pointers (they are numbers
//! for reports).

use crate::error::PlatformError;
use crate::provider::{Lease, RegionProvider};
use alloc::string::String;
use alloc::vec::Vec;
use mote::region::Region;

const MIB: u64 = 1024 * 1024;

/// Name of the budget the operating system keeps.
pub const OS_BUDGET: &str = "os";
/// Name of the budget for the game's own (non-script) heaps.
pub const GAME_BUDGET: &str = "game";
/// Name of the budget script regions are lent from.
pub const SCRIPT_BUDGET: &str = "script";

/// One named slice of main memory in a plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BudgetSpec {
    /// The budget's name, e.g. `"script"`.
    pub name: String,
    /// Its size in bytes (a multiple of 8).
    pub bytes: u64,
}

impl BudgetSpec {
    /// A budget called `name` of `bytes`.
    pub fn new(name: impl Into<String>, bytes: u64) -> BudgetSpec {
        BudgetSpec { name: name.into(), bytes }
    }
}

/// A machine: how much main memory it has and how the title splits it into budgets.
/// Built only through checked constructors, so every spec is a valid plan.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MachineSpec {
    main_memory_bytes: u64,
    budgets: Vec<BudgetSpec>,
}

impl MachineSpec {
    /// Main memory of the PS3-like machine: 256 MiB.
    pub const PS3_MAIN_MEMORY_BYTES: u64 = 256 * MIB;
    /// What the PS3-like machine's OS keeps: 48 MiB.
    pub const PS3_OS_BYTES: u64 = 48 * MIB;
    /// The PS3-like machine's default script budget: 64 MiB.
    pub const PS3_SCRIPT_BYTES: u64 = 64 * MIB;

    /// The PS3-like machine: 256 MiB of main memory; 48 MiB for the OS, 64 MiB for
    /// scripts and the remaining 144 MiB for the game.
    pub fn ps3_like() -> MachineSpec {
        let os = Self::PS3_OS_BYTES;
        let script = Self::PS3_SCRIPT_BYTES;
        MachineSpec {
            main_memory_bytes: Self::PS3_MAIN_MEMORY_BYTES,
            budgets: alloc::vec![
                BudgetSpec::new(OS_BUDGET, os),
                BudgetSpec::new(GAME_BUDGET, Self::PS3_MAIN_MEMORY_BYTES - os - script),
                BudgetSpec::new(SCRIPT_BUDGET, script),
            ],
        }
    }

    /// A machine with `main_memory_bytes`, of which the OS keeps `os_bytes`, scripts get
    /// `script_bytes`, and the game gets the rest.
    pub fn with_sizes(main_memory_bytes: u64, os_bytes: u64, script_bytes: u64) -> Result<MachineSpec, PlatformError> {
        let planned = os_bytes.saturating_add(script_bytes);
        let game = main_memory_bytes
            .checked_sub(planned)
            .ok_or(PlatformError::BudgetsExceedMemory { budgets: planned, main_memory: main_memory_bytes })?;
        MachineSpec::new(
            main_memory_bytes,
            alloc::vec![
                BudgetSpec::new(OS_BUDGET, os_bytes),
                BudgetSpec::new(GAME_BUDGET, game),
                BudgetSpec::new(SCRIPT_BUDGET, script_bytes),
            ],
        )
    }

    /// A machine with any budgets. Checks that names are non-empty and unique, sizes are
    /// multiples of 8, and the sum fits main memory. (A [`MemoryMap`] also needs one of
    /// them to be named [`SCRIPT_BUDGET`].)
    pub fn new(main_memory_bytes: u64, budgets: Vec<BudgetSpec>) -> Result<MachineSpec, PlatformError> {
        let mut total: u64 = 0;
        for (index, budget) in budgets.iter().enumerate() {
            let duplicate = budgets[..index].iter().any(|b| b.name == budget.name);
            if budget.name.is_empty() || duplicate {
                return Err(PlatformError::BadBudgetName { name: budget.name.clone() });
            }
            if budget.bytes % 8 != 0 {
                return Err(PlatformError::MisalignedBudget { name: budget.name.clone(), bytes: budget.bytes });
            }
            total = total.saturating_add(budget.bytes);
        }
        if total > main_memory_bytes {
            return Err(PlatformError::BudgetsExceedMemory { budgets: total, main_memory: main_memory_bytes });
        }
        Ok(MachineSpec { main_memory_bytes, budgets })
    }

    /// The machine's main memory.
    pub fn main_memory_bytes(&self) -> u64 {
        self.main_memory_bytes
    }

    /// The budgets, in plan order.
    pub fn budgets(&self) -> &[BudgetSpec] {
        &self.budgets
    }
}

impl Default for MachineSpec {
    /// [`MachineSpec::ps3_like`].
    fn default() -> MachineSpec {
        MachineSpec::ps3_like()
    }
}

/// A budget placed in main memory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    name: String,
    base: u64,
    bytes: u64,
}

impl Budget {
    /// The budget's name.
    pub fn name(&self) -> &str {
        &self.name
    }

    /// Simulated address of its first byte.
    pub fn base(&self) -> u64 {
        self.base
    }

    /// Its size in bytes.
    pub fn bytes(&self) -> u64 {
        self.bytes
    }

    /// Simulated address one past its last byte.
    pub fn end(&self) -> u64 {
        self.base + self.bytes
    }
}

/// The machine's memory plan, laid out, with the lender of its script budget.
#[derive(Debug)]
pub struct MemoryMap {
    main_memory_bytes: u64,
    budgets: Vec<Budget>,
    script: RegionProvider,
    /// Leases of regions lent by [`MemoryMap::lend_script_region`], kept by the map
    /// because the caller holds only the bare region.
    held_leases: Vec<Lease>,
}

impl MemoryMap {
    /// Lays out `spec`'s budgets back to back from address 0 and makes the script lender.
    /// Fails when the spec has no budget named [`SCRIPT_BUDGET`].
    pub fn new(spec: &MachineSpec) -> Result<MemoryMap, PlatformError> {
        let mut base = 0;
        let budgets: Vec<Budget> = spec
            .budgets
            .iter()
            .map(|b| {
                let budget = Budget { name: b.name.clone(), base, bytes: b.bytes };
                base += b.bytes;
                budget
            })
            .collect();
        let script = budgets
            .iter()
            .find(|b| b.name == SCRIPT_BUDGET)
            .map(RegionProvider::for_budget)
            .ok_or_else(|| PlatformError::NoSuchBudget { name: SCRIPT_BUDGET.into() })?;
        Ok(MemoryMap { main_memory_bytes: spec.main_memory_bytes, budgets, script, held_leases: Vec::new() })
    }

    /// The machine's main memory.
    pub fn main_memory_bytes(&self) -> u64 {
        self.main_memory_bytes
    }

    /// Every budget, in plan (and address) order.
    pub fn budgets(&self) -> &[Budget] {
        &self.budgets
    }

    /// The budget called `name`.
    pub fn budget(&self, name: &str) -> Option<&Budget> {
        self.budgets.iter().find(|b| b.name == name)
    }

    /// Main memory no budget claims.
    pub fn unplanned_bytes(&self) -> u64 {
        let planned: u64 = self.budgets.iter().map(|b| b.bytes).sum();
        self.main_memory_bytes - planned
    }

    /// The lender of the script budget: its counters.
    pub fn script(&self) -> &RegionProvider {
        &self.script
    }

    /// The lender of the script budget, to lend and take back
    /// [`LentRegion`](crate::LentRegion)s.
    pub fn script_mut(&mut self) -> &mut RegionProvider {
        &mut self.script
    }

    /// Lends a bare region of at least `bytes` (rounded up to 8) from the script budget;
    /// the map keeps the lease. See [`RegionProvider::lend`].
    pub fn lend_script_region(&mut self, bytes: usize) -> Result<Region, PlatformError> {
        let (region, lease) = self.script.lend(bytes)?.into_parts();
        self.held_leases.push(lease);
        Ok(region)
    }

    /// Takes back a region from [`MemoryMap::lend_script_region`]. The map recognises it
    /// by size only (a bare region carries no receipt): a region of a size it has not
    /// lent is refused with [`PlatformError::ForeignRegion`] and its memory is freed.
    pub fn give_back_script_region(&mut self, region: Region) -> Result<(), PlatformError> {
        let bytes = region.len() as u64;
        match self.held_leases.iter().position(|l| l.bytes() == bytes) {
            Some(index) => {
                let lease = self.held_leases.swap_remove(index);
                self.script.give_back_parts(region, lease)
            }
            None => Err(PlatformError::ForeignRegion { budget: SCRIPT_BUDGET.into(), bytes }),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::provider::LentRegion;

    #[test]
    fn the_ps3_like_plan_fills_256_mib() {
        let map = MemoryMap::new(&MachineSpec::default()).unwrap();
        assert_eq!(map.main_memory_bytes(), 256 * MIB);
        assert_eq!(map.unplanned_bytes(), 0);
        let names: Vec<&str> = map.budgets().iter().map(Budget::name).collect();
        assert_eq!(names, [OS_BUDGET, GAME_BUDGET, SCRIPT_BUDGET]);
        let game = map.budget(GAME_BUDGET).unwrap();
        assert_eq!((game.base(), game.bytes()), (48 * MIB, 144 * MIB));
        assert_eq!(map.budget(SCRIPT_BUDGET).unwrap().end(), 256 * MIB);
        assert_eq!(map.script().capacity_bytes(), 64 * MIB);
        assert_eq!(map.script().budget_name(), SCRIPT_BUDGET);
    }

    #[test]
    fn custom_sizes_give_the_game_the_rest() {
        let spec = MachineSpec::with_sizes(512 * MIB, 32 * MIB, 8 * MIB).unwrap();
        let map = MemoryMap::new(&spec).unwrap();
        assert_eq!(map.budget(GAME_BUDGET).unwrap().bytes(), 472 * MIB);
        assert_eq!(map.script().capacity_bytes(), 8 * MIB);
        assert_eq!(
            MachineSpec::with_sizes(64 * MIB, 48 * MIB, 32 * MIB).unwrap_err(),
            PlatformError::BudgetsExceedMemory { budgets: 80 * MIB, main_memory: 64 * MIB }
        );
    }

    #[test]
    fn bad_plans_are_refused() {
        let over = MachineSpec::new(MIB, alloc::vec![BudgetSpec::new("script", MIB), BudgetSpec::new("os", 8)]);
        assert!(matches!(over, Err(PlatformError::BudgetsExceedMemory { .. })));
        let twice = MachineSpec::new(MIB, alloc::vec![BudgetSpec::new("script", 8), BudgetSpec::new("script", 8)]);
        assert_eq!(twice.unwrap_err(), PlatformError::BadBudgetName { name: "script".into() });
        let odd = MachineSpec::new(MIB, alloc::vec![BudgetSpec::new("script", 12)]);
        assert!(matches!(odd, Err(PlatformError::MisalignedBudget { .. })));
        let no_script = MachineSpec::new(MIB, alloc::vec![BudgetSpec::new("lua", MIB)]).unwrap();
        assert_eq!(MemoryMap::new(&no_script).unwrap_err(), PlatformError::NoSuchBudget { name: "script".into() });
        // Room left over is allowed, and reported.
        let roomy = MachineSpec::new(MIB, alloc::vec![BudgetSpec::new("script", 8)]).unwrap();
        assert_eq!(MemoryMap::new(&roomy).unwrap().unplanned_bytes(), MIB - 8);
    }

    #[test]
    fn bare_regions_go_back_by_size() {
        let spec = MachineSpec::with_sizes(MIB, 0, 64 * 1024).unwrap();
        let mut map = MemoryMap::new(&spec).unwrap();
        let a = map.lend_script_region(4096).unwrap();
        let b = map.lend_script_region(1001).unwrap();
        assert_eq!(b.len(), 1008);
        assert_eq!(map.script().regions_out(), 2);
        let stranger = Region::with_capacity(2048).unwrap();
        assert_eq!(
            map.give_back_script_region(stranger).unwrap_err(),
            PlatformError::ForeignRegion { budget: "script".into(), bytes: 2048 }
        );
        map.give_back_script_region(b).unwrap();
        map.give_back_script_region(a).unwrap();
        let s = map.script().stats();
        assert_eq!((s.lent_bytes, s.regions_out, s.high_water_bytes), (0, 0, 5104));
    }

    #[test]
    fn over_budget_from_the_map() {
        let spec = MachineSpec::with_sizes(MIB, 0, 64 * 1024).unwrap();
        let mut map = MemoryMap::new(&spec).unwrap();
        let err = map.lend_script_region(128 * 1024).unwrap_err();
        assert!(matches!(err, PlatformError::OverBudget { .. }));
        assert_eq!(map.script().regions_out(), 0);
    }

    #[test]
    fn a_vm_runs_in_a_lent_region_and_gives_it_back() {
        let mut map = MemoryMap::new(&MachineSpec::ps3_like()).unwrap();
        let loan = map.script_mut().lend(1 << 20).unwrap();
        let (region, lease) = loan.into_parts();
        let vm = mote::Vm::new(mote::VmConfig::default(), region).unwrap();
        let teardown = vm.shutdown();
        assert_eq!(teardown.leaked_bytes, 0);
        map.script_mut().give_back(LentRegion::from_parts(teardown.region, lease)).unwrap();
        assert_eq!(map.script().regions_out(), 0);
        assert_eq!(map.script().high_water_bytes(), 1 << 20);
    }
}
