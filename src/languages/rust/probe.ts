/**
 * The HEALTHCHECK's probe: distroless images have no shell, curl or runtime
 * to run a check with, and a health mode of the user's binary is not ours to
 * add. So the Dockerfile's probe stage writes this program (Rust's standard
 * library only: no crate to fetch) and compiles it with rustc into a small
 * binary, /usr/local/bin/healthcheck, linked against the glibc distroless cc has.
 *
 * healthcheck PORT PATH LIMIT: GET PATH from the container's own host name
 * (not 127.0.0.1: an app listening on localhost only, which nothing outside
 * the container reaches, fails it), exit 0 on a status from 200 up to LIMIT.
 * The same contract as the Go probe.
 */
export const PROBE_SOURCE: readonly string[] = [
  '// healthcheck PORT PATH LIMIT, written by generator-dockerize: exit 0 when GET PATH answers 200..LIMIT-1.',
  'use std::io::{Read, Write};',
  'use std::net::{TcpStream, ToSocketAddrs};',
  'use std::time::Duration;',
  'fn check(args: &[String]) -> Option<bool> {',
  '    let host = std::fs::read_to_string("/proc/sys/kernel/hostname").or_else(|_| std::fs::read_to_string("/etc/hostname")).unwrap_or_default();',
  '    let host = if host.trim().is_empty() { "localhost".to_string() } else { host.trim().to_string() };',
  '    let port: u16 = args.get(1)?.parse().ok()?;',
  '    let limit: u16 = args.get(3)?.parse().ok()?;',
  '    let addr = (host.as_str(), port).to_socket_addrs().ok()?.next()?;',
  '    let mut conn = TcpStream::connect_timeout(&addr, Duration::from_secs(4)).ok()?;',
  '    conn.set_read_timeout(Some(Duration::from_secs(4))).ok()?;',
  '    conn.set_write_timeout(Some(Duration::from_secs(4))).ok()?;',
  '    let request = format!("GET {} HTTP/1.1\\r\\nHost: localhost\\r\\nUser-Agent: healthcheck\\r\\nConnection: close\\r\\n\\r\\n", args.get(2)?);',
  '    conn.write_all(request.as_bytes()).ok()?;',
  '    let mut status = [0u8; 12];',
  '    conn.read_exact(&mut status).ok()?;',
  '    let code: u16 = std::str::from_utf8(&status[9..12]).ok()?.parse().ok()?;',
  '    Some(code >= 200 && code < limit)',
  '}',
  'fn main() {',
  '    let args: Vec<String> = std::env::args().collect();',
  '    std::process::exit(if check(&args) == Some(true) { 0 } else { 1 });',
  '}',
];

/** Each line as one single-quoted word of the probe stage's printf (the source has no single quote). */
export const probeWords = () =>
  PROBE_SOURCE.map((l) => {
    if (l.includes("'")) throw new Error('BUG: a single quote in the probe source');
    return `'${l}'`;
  });
