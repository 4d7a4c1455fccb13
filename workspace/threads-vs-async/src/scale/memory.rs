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
