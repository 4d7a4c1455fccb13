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

/// How many more threads this machine will let a process start, by the
/// tightest limit Linux's `/proc` and `/sys` tell of, and that limit's name:
/// the system-wide `threads-max`, the user's `Max processes` (which counts
/// threads), and the cgroup's `pids.max`. Each is taken less the threads
/// that already run on the whole machine, so the figure errs on the low
/// side. `None` where none of them can be read (not Linux).
pub fn thread_headroom() -> Option<(u64, &'static str)> {
    let read = |path: &str| std::fs::read_to_string(path).ok();
    // The fourth field of /proc/loadavg is `running/total` scheduling
    // entities: every thread of every process.
    let running: u64 = read("/proc/loadavg")?
        .split_whitespace()
        .nth(3)?
        .split_once('/')?
        .1
        .parse()
        .ok()?;
    let mut limits: Vec<(u64, u64, &'static str)> = Vec::new();
    if let Some(max) =
        read("/proc/sys/kernel/threads-max").and_then(|s| s.trim().parse().ok())
    {
        limits.push((max, running, "kernel.threads-max"));
    }
    if let Some(max) = read("/proc/self/limits").and_then(|limits| {
        let line = limits
            .lines()
            .find(|line| line.starts_with("Max processes"))?;
        // "Max processes   SOFT   HARD   processes"; "unlimited" parses as none.
        line.split_whitespace().nth(2)?.parse().ok()
    }) {
        limits.push((max, running, "the user's process limit (ulimit -u)"));
    }
    if let Some(group) = read("/proc/self/cgroup").and_then(|groups| {
        groups
            .lines()
            .find_map(|line| line.strip_prefix("0::").map(str::to_owned))
    }) {
        let dir = format!("/sys/fs/cgroup{}", group.trim_end_matches('/'));
        let max = read(&format!("{dir}/pids.max")).and_then(|s| s.trim().parse().ok());
        let current =
            read(&format!("{dir}/pids.current")).and_then(|s| s.trim().parse().ok());
        if let (Some(max), Some(current)) = (max, current) {
            limits.push((max, current, "the cgroup's pids.max"));
        }
    }
    limits
        .into_iter()
        .map(|(max, used, name)| (max.saturating_sub(used), name))
        .min_by_key(|&(headroom, _)| headroom)
}

/// Why this machine cannot run `threads` threads at once (with room to
/// spare for the test harness and a parallel build), or `None` if it can.
pub fn too_few_threads(threads: u64) -> Option<String> {
    let (headroom, limit) = thread_headroom()?;
    let wanted = threads + threads / 10 + 200;
    (headroom < wanted).then(|| {
        format!("needs about {wanted} threads at once, and {limit} leaves room for {headroom}")
    })
}

/// How many bytes of memory this process can still take, by the tightest
/// limit Linux tells of, and that limit's name: `MemAvailable` in
/// `/proc/meminfo` (what the machine can give without swapping), and the
/// cgroup's cap less what the group uses (a container's or a systemd unit's
/// limit, which `/proc/meminfo` does not show). `None` where
/// neither can be read (not Linux).
pub fn memory_headroom() -> Option<(u64, &'static str)> {
    let read = |path: &str| std::fs::read_to_string(path).ok();
    let mut limits: Vec<(u64, &'static str)> = Vec::new();
    if let Some(kib) = read("/proc/meminfo").and_then(|info| {
        let line = info
            .lines()
            .find(|line| line.starts_with("MemAvailable:"))?;
        line.split_whitespace().nth(1)?.parse::<u64>().ok()
    }) {
        limits.push((kib * 1024, "MemAvailable in /proc/meminfo"));
    }
    // cgroup v2 names the process's group on a `0::` line; v1 on a line
    // of its `memory` controller, with files of other names.
    let groups = read("/proc/self/cgroup").unwrap_or_default();
    let caps = groups.lines().filter_map(|line| {
        if let Some(group) = line.strip_prefix("0::") {
            let dir = format!("/sys/fs/cgroup{}", group.trim_end_matches('/'));
            Some((
                format!("{dir}/memory.max"),
                format!("{dir}/memory.current"),
                "the cgroup's memory.max",
            ))
        } else {
            let (_, group) = line.split_once(":memory:")?;
            let dir = format!("/sys/fs/cgroup/memory{}", group.trim_end_matches('/'));
            Some((
                format!("{dir}/memory.limit_in_bytes"),
                format!("{dir}/memory.usage_in_bytes"),
                "the cgroup's memory.limit_in_bytes",
            ))
        }
    });
    for (max, current, name) in caps {
        // "max" (no cap) does not parse, and adds no limit.
        let number = |path: &str| read(path).and_then(|s| s.trim().parse::<u64>().ok());
        if let (Some(max), Some(current)) = (number(&max), number(&current)) {
            limits.push((max.saturating_sub(current), name));
        }
    }
    limits.into_iter().min_by_key(|&(headroom, _)| headroom)
}

/// Why this machine cannot spare `bytes` of memory now (by
/// [`memory_headroom`]), or `None` if it can or cannot tell.
pub fn too_little_memory(bytes: u64) -> Option<String> {
    let (available, limit) = memory_headroom()?;
    (available < bytes).then(|| {
        format!(
            "needs {} MiB of memory, and {} MiB are available ({limit})",
            bytes.div_ceil(1 << 20),
            available >> 20
        )
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn the_line_names_the_cores() {
        let line = super::describe();
        assert!(line.starts_with("machine: "), "{line}");
        assert!(line.contains(" core"), "{line}");
    }

    #[test]
    fn a_machine_has_room_for_a_few_threads_but_not_for_all_of_them() {
        if let Some((headroom, limit)) = super::thread_headroom() {
            assert!(headroom > 10, "{limit}: {headroom}");
        }
        assert_eq!(super::too_few_threads(1), None);
        if cfg!(target_os = "linux") {
            assert!(super::too_few_threads(u64::MAX / 2).is_some());
        }
    }

    #[test]
    fn a_machine_has_some_memory_but_not_a_tebibyte_to_spare() {
        if let Some((headroom, limit)) = super::memory_headroom() {
            assert!(headroom > 1 << 20, "{limit}: {headroom}");
        }
        assert_eq!(super::too_little_memory(1), None);
        if cfg!(target_os = "linux") {
            let reason = super::too_little_memory(u64::MAX).unwrap();
            assert!(reason.contains("MiB are available ("), "{reason}");
        }
    }
}
