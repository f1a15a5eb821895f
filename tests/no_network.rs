//! Dateline never opens a network connection: analysts work with sensitive material.
//!
//! Runs the real `dateline extract` binary under `strace -f -e trace=network` and fails on any
//! `connect`/`sendto` to an IPv4 or IPv6 address. Skips (with a message) where strace is absent.

use std::path::Path;
use std::process::Command;

fn strace_available() -> bool {
    Command::new("strace").arg("-V").output().map(|o| o.status.success()).unwrap_or(false)
}

/// Lines of an strace log that reach for the network (IPv4/IPv6), ignoring local Unix sockets.
fn network_calls(log: &str) -> Vec<&str> {
    log.lines()
        .filter(|l| l.contains("connect(") || l.contains("sendto(") || l.contains("sendmsg("))
        .filter(|l| l.contains("AF_INET") || l.contains("AF_INET6"))
        .collect()
}

#[test]
fn filter_catches_an_inet_connect() {
    // The filter itself must be able to fail: a real strace line for an IPv4 connect.
    let log = "1234 connect(3, {sa_family=AF_INET, sin_port=htons(443), sin_addr=inet_addr(\"1.2.3.4\")}, 16) = -1\n\
               1234 connect(4, {sa_family=AF_UNIX, sun_path=\"/tmp/.X11-unix/X0\"}, 20) = 0\n";
    assert_eq!(network_calls(log).len(), 1);
}

#[test]
fn extract_opens_no_network_connection() {
    if !strace_available() {
        eprintln!("skipping: strace is not installed (apt-get install strace)");
        return;
    }
    let seeds = Path::new(env!("CARGO_MANIFEST_DIR")).join("seeds");
    let dir = tempfile::tempdir().expect("tempdir");
    let log = dir.path().join("strace.log");
    let out = dir.path().join("out.json");
    let status = Command::new("strace")
        .args(["-f", "-qq", "-e", "trace=network", "-o"])
        .arg(&log)
        .arg(env!("CARGO_BIN_EXE_dateline"))
        .arg("extract")
        .arg(&seeds)
        .arg("-o")
        .arg(&out)
        .status()
        .expect("run strace");
    if !status.success() && !log.exists() {
        eprintln!("skipping: strace could not trace here (ptrace not permitted?)");
        return;
    }
    assert!(status.success(), "dateline extract failed under strace");
    let log = std::fs::read_to_string(&log).expect("strace log");
    let calls = network_calls(&log);
    assert!(calls.is_empty(), "dateline extract touched the network:\n{}", calls.join("\n"));
    assert!(out.metadata().map(|m| m.len() > 0).unwrap_or(false), "no output written");
}
