//! Human-readable byte counts ("1.5 KiB") for the text renderers.
//!
//! Owns: the one formatting rule for sizes, so the table, the diff and the chart agree.
//! Promises: binary units (KiB = 1024 bytes), one decimal above a KiB, rounding to nearest,
//! and a unit never shows "1024.0" (it moves to the next unit instead). Integer arithmetic
//! only, so the same number always prints the same text.
//! Must never: be the only place a number appears in a report; the exact count goes beside it.

const UNITS: [&str; 6] = ["KiB", "MiB", "GiB", "TiB", "PiB", "EiB"];

/// Formats a byte count with a binary unit: `512 B`, `1.5 KiB`, `256.0 MiB`.
pub fn format_bytes(bytes: u64) -> String {
    if bytes < 1024 {
        return format!("{bytes} B");
    }
    let mut unit_bytes: u128 = 1024;
    for (index, unit) in UNITS.iter().enumerate() {
        // Tenths of this unit, rounded to nearest.
        let tenths = (u128::from(bytes) * 10 + unit_bytes / 2) / unit_bytes;
        if tenths < 10 * 1024 || index == UNITS.len() - 1 {
            return format!("{}.{} {unit}", tenths / 10, tenths % 10);
        }
        unit_bytes *= 1024;
    }
    format!("{bytes} B")
}

/// Formats a signed byte change with an explicit sign: `+1.5 KiB`, `-512 B`, `0 B`.
pub fn format_bytes_signed(delta: i64) -> String {
    let magnitude = format_bytes(delta.unsigned_abs());
    match delta {
        0 => magnitude,
        d if d > 0 => format!("+{magnitude}"),
        _ => format!("-{magnitude}"),
    }
}

/// The exact count followed by the human form when that adds anything:
/// `512`, `1536 (1.5 KiB)`.
pub fn exact_and_human(bytes: u64) -> String {
    if bytes < 1024 {
        bytes.to_string()
    } else {
        format!("{bytes} ({})", format_bytes(bytes))
    }
}

/// The signed exact change followed by the human form: `0`, `+8`, `-2048 (-2.0 KiB)`.
pub fn exact_and_human_signed(delta: i64) -> String {
    let exact = if delta > 0 { format!("+{delta}") } else { delta.to_string() };
    if delta.unsigned_abs() < 1024 {
        exact
    } else {
        format!("{exact} ({})", format_bytes_signed(delta))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn units_and_rounding() {
        assert_eq!(format_bytes(0), "0 B");
        assert_eq!(format_bytes(1023), "1023 B");
        assert_eq!(format_bytes(1024), "1.0 KiB");
        assert_eq!(format_bytes(1536), "1.5 KiB");
        assert_eq!(format_bytes(256 * 1024 * 1024), "256.0 MiB");
        // 1023.96 KiB would round to 1024.0 KiB: it moves up a unit.
        assert_eq!(format_bytes(1024 * 1024 - 40), "1.0 MiB");
        assert_eq!(format_bytes(u64::MAX), "16.0 EiB");
    }

    #[test]
    fn signed_forms() {
        assert_eq!(format_bytes_signed(0), "0 B");
        assert_eq!(format_bytes_signed(-512), "-512 B");
        assert_eq!(format_bytes_signed(1536), "+1.5 KiB");
        assert_eq!(format_bytes_signed(i64::MIN), "-8.0 EiB");
    }

    #[test]
    fn exact_beside_human() {
        assert_eq!(exact_and_human(512), "512");
        assert_eq!(exact_and_human(1536), "1536 (1.5 KiB)");
        assert_eq!(exact_and_human_signed(-2048), "-2048 (-2.0 KiB)");
        assert_eq!(exact_and_human_signed(8), "+8");
        assert_eq!(exact_and_human_signed(0), "0");
    }
}
