//! Why the platform refused: a bad machine plan, or a region it cannot lend or take back.
//!
//! Owns: [`PlatformError`] and its messages.
//! Promises: every message names the budget involved and gives sizes as exact bytes with a
//! binary-unit figure beside them, so a log line alone says what went wrong.
//! Must never: allocate to describe itself beyond the names it already holds, or depend
//! on `std` (it implements `core::error::Error`).

use alloc::string::String;
use core::fmt;

/// Why the platform refused a plan, a loan or a return.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PlatformError {
    /// The budgets of a machine plan add up to more than its main memory.
    BudgetsExceedMemory {
        /// Sum of the budgets.
        budgets: u64,
        /// The machine's main memory.
        main_memory: u64,
    },
    /// Two budgets of a plan share a name (or a name is empty).
    BadBudgetName {
        /// The offending name.
        name: String,
    },
    /// A budget's size is not a multiple of 8 bytes.
    MisalignedBudget {
        /// The budget.
        name: String,
        /// Its size.
        bytes: u64,
    },
    /// No budget has this name.
    NoSuchBudget {
        /// The name asked for.
        name: String,
    },
    /// The request does not fit what is left of the budget.
    OverBudget {
        /// The budget asked.
        budget: String,
        /// Bytes asked for, after rounding up to 8.
        requested: u64,
        /// Bytes already lent out of the budget.
        lent: u64,
        /// The budget's size.
        capacity: u64,
    },
    /// Zero bytes, or more than one region can hold
    /// ([`mote::region::MAX_REGION_BYTES`]).
    BadSize {
        /// Bytes asked for.
        requested: u64,
    },
    /// The budget had room but the host's own allocator refused the memory.
    HostOutOfMemory {
        /// Bytes asked for.
        requested: u64,
    },
    /// A region came back to a budget that did not lend it. Its memory went back to the
    /// host, and the budget that did lend it still counts it as lent.
    ForeignRegion {
        /// The budget it was given back to.
        budget: String,
        /// The region's size.
        bytes: u64,
    },
}

impl fmt::Display for PlatformError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            PlatformError::BudgetsExceedMemory { budgets, main_memory } => {
                write!(f, "the budgets add up to {} but main memory is only {}", Bytes(*budgets), Bytes(*main_memory))
            }
            PlatformError::BadBudgetName { name } => {
                write!(f, "budget name '{name}' is empty or used twice")
            }
            PlatformError::MisalignedBudget { name, bytes } => {
                write!(f, "the '{name}' budget of {} is not a multiple of 8 bytes", Bytes(*bytes))
            }
            PlatformError::NoSuchBudget { name } => write!(f, "no budget is named '{name}'"),
            PlatformError::OverBudget { budget, requested, lent, capacity } => write!(
                f,
                "the '{budget}' budget cannot lend {}: {} of its {} are lent, {} free",
                Bytes(*requested),
                Bytes(*lent),
                Bytes(*capacity),
                Bytes(capacity.saturating_sub(*lent))
            ),
            PlatformError::BadSize { requested } => write!(
                f,
                "a region of {} is impossible: sizes run from 8 to {} bytes",
                Bytes(*requested),
                mote::region::MAX_REGION_BYTES
            ),
            PlatformError::HostOutOfMemory { requested } => {
                write!(f, "the host allocator refused a region of {}", Bytes(*requested))
            }
            PlatformError::ForeignRegion { budget, bytes } => {
                write!(f, "a region of {} came back to the '{budget}' budget, which did not lend it", Bytes(*bytes))
            }
        }
    }
}

impl core::error::Error for PlatformError {}

/// Displays a byte count as `1048576 bytes (1.0 MiB)`; below a KiB just `512 bytes`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bytes(pub u64);

impl fmt::Display for Bytes {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];
        let bytes = self.0;
        write!(f, "{bytes} bytes")?;
        if bytes < 1024 {
            return Ok(());
        }
        let mut unit: u128 = 1024;
        for (index, name) in UNITS.iter().enumerate() {
            let tenths = (u128::from(bytes) * 10 + unit / 2) / unit;
            if tenths < 10 * 1024 || index == UNITS.len() - 1 {
                return write!(f, " ({}.{} {name})", tenths / 10, tenths % 10);
            }
            unit *= 1024;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use alloc::format;

    #[test]
    fn bytes_show_exact_and_binary_units() {
        assert_eq!(format!("{}", Bytes(512)), "512 bytes");
        assert_eq!(format!("{}", Bytes(1536)), "1536 bytes (1.5 KiB)");
        assert_eq!(format!("{}", Bytes(256 * 1024 * 1024)), "268435456 bytes (256.0 MiB)");
    }

    #[test]
    fn over_budget_names_the_budget_and_the_sizes() {
        let e = PlatformError::OverBudget {
            budget: "script".into(),
            requested: 2 << 20,
            lent: 15 << 20,
            capacity: 16 << 20,
        };
        assert_eq!(
            format!("{e}"),
            "the 'script' budget cannot lend 2097152 bytes (2.0 MiB): 15728640 bytes \
             (15.0 MiB) of its 16777216 bytes (16.0 MiB) are lent, 1048576 bytes (1.0 MiB) free"
        );
    }

    #[test]
    fn every_variant_has_a_message() {
        let all = [
            PlatformError::BudgetsExceedMemory { budgets: 9, main_memory: 8 },
            PlatformError::BadBudgetName { name: "os".into() },
            PlatformError::MisalignedBudget { name: "game".into(), bytes: 7 },
            PlatformError::NoSuchBudget { name: "lua".into() },
            PlatformError::BadSize { requested: 0 },
            PlatformError::HostOutOfMemory { requested: 8 },
            PlatformError::ForeignRegion { budget: "script".into(), bytes: 64 },
        ];
        for e in all {
            assert!(!format!("{e}").is_empty());
        }
    }
}
