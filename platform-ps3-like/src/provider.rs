//! Lending script regions out of one budget, and taking them back.
//!
//! Owns: [`RegionProvider`], the ledger of one budget (normally "script"), and the
//! [`LentRegion`] / [`Lease`] pair that stands for one loan.
//! Promises: a loan is a real [`Region`] of host memory, sized up to a multiple of 8; the
//! bytes lent never exceed the budget; the counters (bytes lent, high-water mark, regions
//! out, refused loans) are exact; a region goes back only to the provider that lent it.
//! Accounting follows the move-only [`Lease`]: each loan is credited back at most once.
//! Must never: lend beyond the budget, count a loan that failed, or let a return from
//! another provider change this one's counters.

use crate::error::PlatformError;
use crate::memory_map::Budget;
use alloc::string::String;
use core::sync::atomic::{AtomicU32, Ordering};
use mote::region::{Region, RegionError, MAX_REGION_BYTES, REGION_ALIGN};

/// Gives every provider its own id, so a lease names the provider that lent it.
static NEXT_PROVIDER_ID: AtomicU32 = AtomicU32::new(1);

/// The receipt of one loan: which provider lent it and how many bytes it charged.
///
/// Move-only (neither `Clone` nor `Copy`), so a loan can be given back once. Dropping a
/// lease without giving it back leaves its bytes charged to the budget: a leak the
/// provider's counters show.
#[derive(Debug, PartialEq, Eq)]
pub struct Lease {
    provider: u32,
    bytes: u64,
}

impl Lease {
    /// The bytes this loan charged to the budget (the region's size).
    pub fn bytes(&self) -> u64 {
        self.bytes
    }
}

/// A region lent out of a budget, with its lease.
///
/// A VM takes a plain [`Region`]: split the loan with [`LentRegion::into_parts`], give the
/// region to the VM, and when the VM is shut down rejoin the region it hands back with the
/// lease ([`LentRegion::from_parts`]) to give it back.
#[derive(Debug)]
pub struct LentRegion {
    region: Region,
    lease: Lease,
}

impl LentRegion {
    /// The lent memory.
    pub fn region(&self) -> &Region {
        &self.region
    }

    /// The lent memory, for writing.
    pub fn region_mut(&mut self) -> &mut Region {
        &mut self.region
    }

    /// Bytes in the region (a multiple of 8).
    pub fn len(&self) -> usize {
        self.region.len()
    }

    /// Regions are never empty; present for API completeness with `len`.
    pub fn is_empty(&self) -> bool {
        self.region.is_empty()
    }

    /// The loan's receipt.
    pub fn lease(&self) -> &Lease {
        &self.lease
    }

    /// Splits the loan into the region (for `Vm::new`) and its lease (kept by the host).
    pub fn into_parts(self) -> (Region, Lease) {
        (self.region, self.lease)
    }

    /// Rejoins a region with its lease. The budget is credited by the lease, so the pair
    /// should be the one [`LentRegion::into_parts`] made.
    pub fn from_parts(region: Region, lease: Lease) -> LentRegion {
        LentRegion { region, lease }
    }
}

/// What a provider's ledger says right now.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ProviderStats {
    /// The budget's size.
    pub capacity_bytes: u64,
    /// Bytes out on loan now.
    pub lent_bytes: u64,
    /// The most bytes ever out on loan at once.
    pub high_water_bytes: u64,
    /// Loans not yet given back.
    pub regions_out: u32,
    /// Loans made since the provider was created.
    pub lends: u64,
    /// Loans refused (over budget, bad size, or host out of memory).
    pub refused_lends: u64,
}

/// Lends regions out of one named budget and takes them back.
#[derive(Debug)]
pub struct RegionProvider {
    id: u32,
    budget: String,
    stats: ProviderStats,
}

impl RegionProvider {
    /// A provider for the whole of `budget`. Make one per budget: two providers for the
    /// same budget would each lend all of it.
    pub fn for_budget(budget: &Budget) -> RegionProvider {
        RegionProvider::new(budget.name(), budget.bytes())
    }

    /// A provider for a budget called `budget_name` of `capacity_bytes`.
    pub fn new(budget_name: impl Into<String>, capacity_bytes: u64) -> RegionProvider {
        RegionProvider {
            id: NEXT_PROVIDER_ID.fetch_add(1, Ordering::Relaxed),
            budget: budget_name.into(),
            stats: ProviderStats { capacity_bytes, ..ProviderStats::default() },
        }
    }

    /// The name of the budget this provider lends from.
    pub fn budget_name(&self) -> &str {
        &self.budget
    }

    /// The budget's size.
    pub fn capacity_bytes(&self) -> u64 {
        self.stats.capacity_bytes
    }

    /// Bytes out on loan now.
    pub fn lent_bytes(&self) -> u64 {
        self.stats.lent_bytes
    }

    /// Bytes that could still be lent.
    pub fn free_bytes(&self) -> u64 {
        self.stats.capacity_bytes.saturating_sub(self.stats.lent_bytes)
    }

    /// The most bytes ever out on loan at once.
    pub fn high_water_bytes(&self) -> u64 {
        self.stats.high_water_bytes
    }

    /// Loans not yet given back.
    pub fn regions_out(&self) -> u32 {
        self.stats.regions_out
    }

    /// All counters at once.
    pub fn stats(&self) -> ProviderStats {
        self.stats
    }

    /// Lends a zeroed region of at least `bytes`, rounded up to a multiple of 8.
    ///
    /// Fails, changing nothing but the refused count, when the rounded size does not fit
    /// the budget's free bytes, is zero or too large for a region, or the host allocator
    /// has no memory.
    pub fn lend(&mut self, bytes: usize) -> Result<LentRegion, PlatformError> {
        let requested = bytes as u64;
        let size = match bytes.checked_add(REGION_ALIGN - 1) {
            Some(padded) if bytes > 0 => padded & !(REGION_ALIGN - 1),
            _ => return Err(self.refuse(PlatformError::BadSize { requested })),
        };
        if size > MAX_REGION_BYTES {
            return Err(self.refuse(PlatformError::BadSize { requested }));
        }
        let size_u64 = size as u64;
        if size_u64 > self.free_bytes() {
            return Err(self.refuse(PlatformError::OverBudget {
                budget: self.budget.clone(),
                requested: size_u64,
                lent: self.stats.lent_bytes,
                capacity: self.stats.capacity_bytes,
            }));
        }
        let region = match Region::with_capacity(size) {
            Ok(region) => region,
            Err(RegionError::BadSize) => return Err(self.refuse(PlatformError::BadSize { requested })),
            Err(RegionError::HostOutOfMemory) => {
                return Err(self.refuse(PlatformError::HostOutOfMemory { requested: size_u64 }))
            }
        };
        let charged = region.len() as u64;
        let stats = &mut self.stats;
        stats.lent_bytes += charged;
        stats.high_water_bytes = stats.high_water_bytes.max(stats.lent_bytes);
        stats.regions_out += 1;
        stats.lends += 1;
        Ok(LentRegion { region, lease: Lease { provider: self.id, bytes: charged } })
    }

    /// Takes a loan back: its bytes return to the budget and its memory to the host.
    ///
    /// A region this provider did not lend is refused with
    /// [`PlatformError::ForeignRegion`] and this provider's counters do not change; its
    /// memory still goes back to the host (the lender keeps counting it as lent).
    pub fn give_back(&mut self, region: LentRegion) -> Result<(), PlatformError> {
        let (region, lease) = region.into_parts();
        self.give_back_parts(region, lease)
    }

    /// [`RegionProvider::give_back`] for a region and lease kept apart while a VM ran.
    pub fn give_back_parts(&mut self, region: Region, lease: Lease) -> Result<(), PlatformError> {
        let stats = &mut self.stats;
        if lease.provider != self.id || stats.regions_out == 0 || lease.bytes > stats.lent_bytes {
            return Err(PlatformError::ForeignRegion { budget: self.budget.clone(), bytes: region.len() as u64 });
        }
        stats.lent_bytes -= lease.bytes;
        stats.regions_out -= 1;
        drop(region);
        Ok(())
    }

    fn refuse(&mut self, error: PlatformError) -> PlatformError {
        self.stats.refused_lends += 1;
        error
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;
    use alloc::vec::Vec;

    const KIB: u64 = 1024;

    #[test]
    fn lend_and_give_back_restore_the_budget() {
        let mut p = RegionProvider::new("script", 64 * KIB);
        let a = p.lend(16 * 1024).unwrap();
        let b = p.lend(8 * 1024).unwrap();
        assert_eq!((p.lent_bytes(), p.free_bytes()), (24 * KIB, 40 * KIB));
        p.give_back(a).unwrap();
        p.give_back(b).unwrap();
        let s = p.stats();
        assert_eq!((s.lent_bytes, s.regions_out, s.lends), (0, 0, 2));
        assert_eq!(s.high_water_bytes, 24 * KIB);
        assert_eq!(p.free_bytes(), 64 * KIB);
    }

    #[test]
    fn over_budget_is_an_error_that_changes_nothing() {
        let mut p = RegionProvider::new("script", 64 * KIB);
        let held = p.lend(60 * 1024).unwrap();
        let err = p.lend(8 * 1024).unwrap_err();
        assert_eq!(
            err,
            PlatformError::OverBudget {
                budget: "script".into(),
                requested: 8 * KIB,
                lent: 60 * KIB,
                capacity: 64 * KIB,
            }
        );
        let message = format!("{err}");
        assert!(message.contains("'script' budget cannot lend 8192 bytes"), "{message}");
        assert!(message.contains("4096 bytes (4.0 KiB) free"), "{message}");
        assert_eq!((p.lent_bytes(), p.regions_out()), (60 * KIB, 1));
        assert_eq!(p.stats().refused_lends, 1);
        // Exactly the rest still fits.
        let rest = p.lend(4 * 1024).unwrap();
        assert_eq!(p.free_bytes(), 0);
        p.give_back(rest).unwrap();
        p.give_back(held).unwrap();
    }

    #[test]
    fn regions_out_counts_open_loans() {
        let mut p = RegionProvider::new("script", 64 * KIB);
        let mut loans: Vec<LentRegion> = (0..5).map(|_| p.lend(1000).unwrap()).collect();
        assert_eq!(p.regions_out(), 5);
        while let Some(loan) = loans.pop() {
            p.give_back(loan).unwrap();
            assert_eq!(p.regions_out() as usize, loans.len());
        }
        assert_eq!(p.stats().lends, 5);
    }

    #[test]
    fn sizes_are_rounded_up_to_8() {
        let mut p = RegionProvider::new("script", 64 * KIB);
        for (asked, got) in [(1, 8), (8, 8), (13, 16), (1001, 1008)] {
            let loan = p.lend(asked).unwrap();
            assert_eq!(loan.len(), got);
            assert_eq!(loan.lease().bytes(), got as u64);
            assert_eq!(loan.len() % 8, 0);
            p.give_back(loan).unwrap();
        }
        assert_eq!(p.lent_bytes(), 0);
        assert_eq!(p.high_water_bytes(), 1008);
    }

    #[test]
    fn bad_sizes_are_refused() {
        let mut p = RegionProvider::new("script", u64::MAX);
        assert_eq!(p.lend(0).unwrap_err(), PlatformError::BadSize { requested: 0 });
        assert!(matches!(p.lend(usize::MAX), Err(PlatformError::BadSize { .. })));
        assert_eq!(p.stats().refused_lends, 2);
        assert_eq!(p.regions_out(), 0);
    }

    #[test]
    fn a_region_goes_back_only_to_its_lender() {
        let mut script = RegionProvider::new("script", 64 * KIB);
        let mut game = RegionProvider::new("game", 64 * KIB);
        let loan = script.lend(4096).unwrap();
        assert_eq!(
            game.give_back(loan).unwrap_err(),
            PlatformError::ForeignRegion { budget: "game".into(), bytes: 4096 }
        );
        assert_eq!(game.stats(), RegionProvider::new("x", 64 * KIB).stats());
        // The lender still counts the loan: a visible leak.
        assert_eq!((script.lent_bytes(), script.regions_out()), (4096, 1));
    }

    #[test]
    fn parts_round_trip_through_a_vm_style_hand_off() {
        let mut p = RegionProvider::new("script", 64 * KIB);
        let mut loan = p.lend(4096).unwrap();
        loan.region_mut().write_u8(7, 42);
        let (region, lease) = loan.into_parts();
        assert_eq!(region.read_u8(7), 42);
        p.give_back(LentRegion::from_parts(region, lease)).unwrap();
        assert_eq!(p.regions_out(), 0);
    }
}
