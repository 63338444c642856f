//! The probe sequence shared by every open-addressed table (dict indexes, sets).
//!
//! CPython's scheme: start at `hash & mask`, then `i = 5*i + 1 + perturb` with `perturb`
//! shifted right by 5 each step, so all hash bits take part before the sequence settles
//! into `5*i + 1 (mod 2^k)`, which visits every slot of a power-of-two table. Tables
//! keep at least one empty slot (except a 1-slot table, which the callers treat as a
//! single comparison), so a probe for a missing key always ends.

/// The slots to look at, in order, for one hash in a table of `slots` (a power of two).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Probe {
    slot: u32,
    perturb: u32,
    mask: u32,
}

impl Probe {
    #[inline(always)]
    pub(crate) fn new(hash: u32, slots: u32) -> Probe {
        debug_assert!(slots.is_power_of_two());
        let mask = slots - 1;
        Probe { slot: hash & mask, perturb: hash, mask }
    }

    /// The current slot.
    #[inline(always)]
    pub(crate) fn slot(&self) -> u32 {
        self.slot
    }

    /// Moves to the next slot.
    #[inline(always)]
    pub(crate) fn advance(&mut self) {
        self.perturb >>= 5;
        self.slot = (self.slot.wrapping_mul(5).wrapping_add(1).wrapping_add(self.perturb)) & self.mask;
    }
}

/// Where a probe walk that may stop midway stands: the next slot, the first free one
/// passed, and whether a one-slot table's only slot was seen.
pub(crate) struct Walk {
    pub(crate) probe: Probe,
    pub(crate) free_slot: Option<u32>,
    pub(crate) exhausted: bool,
}

impl Walk {
    pub(crate) fn new(hash: u32, slots: u32) -> Walk {
        Walk { probe: Probe::new(hash, slots), free_slot: None, exhausted: false }
    }

    /// Moves past the current slot of a table of `slots`.
    pub(crate) fn advance(&mut self, slots: u32) {
        if slots == 1 {
            self.exhausted = true;
        } else {
            self.probe.advance();
        }
    }
}

/// One stretch of a table walk: decided, or stopped at a stored key of equal hash that
/// only a script `__eq__` can compare with the key sought (the walk points past it).
pub(crate) enum Step<L> {
    Done(L),
    Ask { slot: u32, entry: u32 },
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn visits_every_slot_eventually() {
        for slots in [1u32, 2, 8, 64, 1024] {
            for hash in [0u32, 1, 0xdead_beef, u32::MAX] {
                let mut seen = alloc::vec![false; slots as usize];
                let mut p = Probe::new(hash, slots);
                for _ in 0..slots * 8 + 64 {
                    seen[p.slot() as usize] = true;
                    p.advance();
                }
                assert!(seen.iter().all(|&s| s), "slots {slots} hash {hash:#x}");
            }
        }
    }
}
