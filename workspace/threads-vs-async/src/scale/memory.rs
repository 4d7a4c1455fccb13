//! Reading a process's memory and describing the machine, from Linux's
//! `/proc`. Elsewhere both answers are "unknown", and the report says so.

// ANCHOR: peak
/// The most memory this process has had resident at any moment so far, in
/// bytes: the `VmHWM` ("high water mark") line of `/proc/self/status`.
///
/// Resident means in RAM now: pages the process has touched, not address
/// space it has only reserved. A thread's 64 KiB stack counts only for the
/// pages the thread really used. The peak is kept by the kernel, so reading
/// it once at the end still catches a moment that has passed. `None` where
/// there is no `/proc` (not Linux).
pub fn peak_resident_bytes() -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|line| line.starts_with("VmHWM:"))?;
    // "VmHWM:     5120 kB": the kernel's "kB" is KiB.
    let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
    Some(kib * 1024)
}
// ANCHOR_END: peak

/// One line about the machine a measurement comes from: cores, CPU model,
/// operating system. It starts with `machine:`.
pub fn machine() -> String {
    let cores = std::thread::available_parallelism().map_or(1, std::num::NonZero::get);
    let cpu = std::fs::read_to_string("/proc/cpuinfo")
        .ok()
        .and_then(|info| {
            info.lines()
                .find(|line| line.starts_with("model name"))
                .and_then(|line| line.split_once(':'))
                .map(|(_, model)| model.trim().to_owned())
        })
        .unwrap_or_else(|| std::env::consts::ARCH.to_owned());
    let kernel = std::fs::read_to_string("/proc/sys/kernel/osrelease")
        .map(|release| format!(" {}", release.trim()))
        .unwrap_or_default();
    let memory = std::fs::read_to_string("/proc/meminfo")
        .ok()
        .and_then(|info| {
            let line = info.lines().find(|line| line.starts_with("MemTotal:"))?;
            let kib: u64 = line.split_whitespace().nth(1)?.parse().ok()?;
            Some(format!(", {} GiB RAM", (kib + (1 << 19)) >> 20))
        })
        .unwrap_or_default();
    format!(
        "machine: {cores} {}, {cpu}{memory}, {}{kernel}",
        if cores == 1 { "core" } else { "cores" },
        std::env::consts::OS
    )
}
