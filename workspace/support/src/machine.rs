//! Where a measurement was made: the `machine:` line of every report.
//!
//! A measured transcript (see [`transcript`](crate::transcript)) may say
//! anything after `machine:`, so this line is free to name the reader's own
//! machine when they rerun a report.

/// `machine: 2 cores, AMD EPYC 7B13, 24 GiB RAM, linux 6.1.0`: cores as
/// the program sees them, and, where Linux's `/proc` tells, the CPU model,
/// the memory and the kernel.
pub fn describe() -> String {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| format!("{} CPU", std::env::consts::ARCH));
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let line = info.lines().find(|line| line.starts_with("MemTotal:"))?;
            let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            // Rounded to the nearest GiB.
            Some(format!(", {} GiB RAM", (kib + (1 << 19)) >> 20))
        })
        .unwrap_or_default();
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|release| format!(" {}", release.trim()))
        .unwrap_or_default();
    format!(
        "machine: {cores} {}, {cpu}{memory}, {}{kernel}",
        if cores == 1 { "core" } else { "cores" },
        std::env::consts::OS
    )
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_line_names_the_cores() {
        let line = super::describe();
        assert!(line.starts_with("machine: "), "{line}");
        assert!(line.contains(" core"), "{line}");
    }
}
