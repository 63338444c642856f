//! Per-subsystem memory accounting: the one ledger every heap byte passes through.
//!
//! The heap calls [`Ledger::charge`] for each block it hands out and [`Ledger::refund`]
//! when the block comes back, with the block's real size (allocator rounding included) and
//! the subsystem that owns it. The ledger never touches memory itself.
//!
//! Invariant: the sum of `live_bytes` over all subsystems equals the allocator's own count
//! of bytes in use, which the allocator derives independently from its pool pages and
//! block headers (`Heap::verify` checks the two agree).

/// Who owns a block in the script heap. Every allocation names one.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
#[repr(u8)]
pub enum Subsystem {
    Int,
    Float,
    Str,
    /// The table that finds interned strings (the strings themselves are `Str`).
    Intern,
    Tuple,
    List,
    Dict,
    Set,
    /// `range` and `slice` objects.
    Range,
    /// Iterators over built-in containers.
    Iterator,
    Code,
    Function,
    Cell,
    Class,
    Instance,
    Frame,
    Exception,
    Generator,
    Tasklet,
    Module,
    /// Blocks owned by host-provided native objects.
    Native,
}

impl Subsystem {
    /// Every subsystem, in report order.
    pub const ALL: [Subsystem; 21] = [
        Subsystem::Int,
        Subsystem::Float,
        Subsystem::Str,
        Subsystem::Intern,
        Subsystem::Tuple,
        Subsystem::List,
        Subsystem::Dict,
        Subsystem::Set,
        Subsystem::Range,
        Subsystem::Iterator,
        Subsystem::Code,
        Subsystem::Function,
        Subsystem::Cell,
        Subsystem::Class,
        Subsystem::Instance,
        Subsystem::Frame,
        Subsystem::Exception,
        Subsystem::Generator,
        Subsystem::Tasklet,
        Subsystem::Module,
        Subsystem::Native,
    ];
    pub const COUNT: usize = Self::ALL.len();

    /// The lower-case name used in reports.
    pub fn name(self) -> &'static str {
        match self {
            Subsystem::Int => "int",
            Subsystem::Float => "float",
            Subsystem::Str => "str",
            Subsystem::Intern => "intern",
            Subsystem::Tuple => "tuple",
            Subsystem::List => "list",
            Subsystem::Dict => "dict",
            Subsystem::Set => "set",
            Subsystem::Range => "range",
            Subsystem::Iterator => "iterator",
            Subsystem::Code => "code",
            Subsystem::Function => "function",
            Subsystem::Cell => "cell",
            Subsystem::Class => "class",
            Subsystem::Instance => "instance",
            Subsystem::Frame => "frame",
            Subsystem::Exception => "exception",
            Subsystem::Generator => "generator",
            Subsystem::Tasklet => "tasklet",
            Subsystem::Module => "module",
            Subsystem::Native => "native",
        }
    }
}

/// Whether a block is an object (counted in `live_objects`) or a private table of one.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockRole {
    Object,
    Table,
}

/// What one subsystem holds right now and has held.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
#[cfg_attr(feature = "defmt", derive(defmt::Format))]
pub struct SubsystemStats {
    /// Bytes of the blocks it owns, allocator rounding and block headers included.
    pub live_bytes: u64,
    /// Objects it owns (private tables are bytes, not objects).
    pub live_objects: u64,
    /// The most `live_bytes` ever reached.
    pub high_water_bytes: u64,
    /// Blocks ever handed to it.
    pub total_allocations: u64,
}

/// The per-subsystem counters of one heap.
#[derive(Debug, Clone, Default)]
pub struct Ledger {
    rows: [SubsystemStats; Subsystem::COUNT],
}

impl Ledger {
    pub fn charge(&mut self, owner: Subsystem, bytes: u32, role: BlockRole) {
        let row = &mut self.rows[owner as usize];
        row.live_bytes += u64::from(bytes);
        row.high_water_bytes = row.high_water_bytes.max(row.live_bytes);
        row.total_allocations += 1;
        if role == BlockRole::Object {
            row.live_objects += 1;
        }
    }

    pub fn refund(&mut self, owner: Subsystem, bytes: u32, role: BlockRole) {
        let row = &mut self.rows[owner as usize];
        debug_assert!(row.live_bytes >= u64::from(bytes), "{} refunded more than charged", owner.name());
        row.live_bytes -= u64::from(bytes);
        if role == BlockRole::Object {
            debug_assert!(row.live_objects > 0, "{} freed more objects than made", owner.name());
            row.live_objects -= 1;
        }
    }

    /// One subsystem's counters.
    pub fn get(&self, owner: Subsystem) -> SubsystemStats {
        self.rows[owner as usize]
    }

    /// Bytes in use summed over every subsystem.
    pub fn total_live_bytes(&self) -> u64 {
        self.rows.iter().map(|r| r.live_bytes).sum()
    }

    /// Objects alive summed over every subsystem.
    pub fn total_live_objects(&self) -> u64 {
        self.rows.iter().map(|r| r.live_objects).sum()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn charge_and_refund_track_high_water() {
        let mut l = Ledger::default();
        l.charge(Subsystem::Dict, 16, BlockRole::Object);
        l.charge(Subsystem::Dict, 32, BlockRole::Table);
        l.refund(Subsystem::Dict, 32, BlockRole::Table);
        l.charge(Subsystem::Str, 24, BlockRole::Object);
        let d = l.get(Subsystem::Dict);
        assert_eq!((d.live_bytes, d.live_objects, d.high_water_bytes, d.total_allocations), (16, 1, 48, 2));
        assert_eq!(l.total_live_bytes(), 40);
        assert_eq!(l.total_live_objects(), 2);
    }

    #[test]
    fn names_are_unique_and_all_is_in_discriminant_order() {
        for (i, s) in Subsystem::ALL.iter().enumerate() {
            assert_eq!(*s as usize, i);
            assert!(Subsystem::ALL[..i].iter().all(|o| o.name() != s.name()));
        }
    }
}
