/**
 * The HEALTHCHECK's probe: distroless images have no shell, curl or runtime
 * to run a check with, and a health mode of the user's binary is not ours to
 * add. So the Dockerfile's probe stage writes this program (standard library
 * only) and builds it into a ~1.5 MB static binary, /usr/local/bin/healthcheck.
 *
 * healthcheck PORT PATH LIMIT: GET PATH from the container's own host name
 * (not 127.0.0.1: an app listening on localhost only, which nothing outside
 * the container reaches, fails it), exit 0 on a status from 200 up to LIMIT.
 */
export const PROBE_SOURCE: readonly string[] = [
  '// healthcheck PORT PATH LIMIT, written by generator-dockerize: exit 0 when GET PATH answers 200..LIMIT-1.',
  'package main',
  'import (',
  '"io"',
  '"net"',
  '"os"',
  '"strconv"',
  '"time"',
  ')',
  'func main() {',
  'host, err := os.Hostname()',
  'if err != nil {',
  'host = "localhost"',
  '}',
  'conn, err := net.DialTimeout("tcp", net.JoinHostPort(host, os.Args[1]), 4*time.Second)',
  'if err != nil {',
  'os.Exit(1)',
  '}',
  'conn.SetDeadline(time.Now().Add(4 * time.Second))',
  'conn.Write([]byte("GET " + os.Args[2] + " HTTP/1.1\\r\\nHost: localhost\\r\\nUser-Agent: healthcheck\\r\\nConnection: close\\r\\n\\r\\n"))',
  'status := make([]byte, 12)',
  'n, _ := io.ReadFull(conn, status)',
  'if n < 12 {',
  'os.Exit(1)',
  '}',
  'limit, _ := strconv.Atoi(os.Args[3])',
  'code, err := strconv.Atoi(string(status[9:12]))',
  'if err != nil || code < 200 || code >= limit {',
  'os.Exit(1)',
  '}',
  '}',
];

/** Each line as one single-quoted word of the probe stage's printf (the source has no single quote). */
export const probeWords = () => PROBE_SOURCE.map((l) => {
  if (l.includes("'")) throw new Error('BUG: a single quote in the probe source');
  return `'${l}'`;
});
