/**
 * The HEALTHCHECK's probe: the JRE image has no curl or wget, and a JRE can't
 * run a .java file (that needs the JDK's compiler). So the Dockerfile's probe
 * stage writes this class (java.base only) and compiles it with the build
 * image's javac; the final image runs `java -cp /opt/healthcheck Probe`.
 *
 * Probe PORT PATH LIMIT: GET PATH from the container's own host name (not
 * 127.0.0.1: an app listening on localhost only, which nothing outside the
 * container reaches, fails it), exit 0 on a status from 200 up to LIMIT.
 */
export const PROBE_SOURCE: readonly string[] = [
  '// Probe PORT PATH LIMIT, written by generator-dockerize: exit 0 when GET PATH answers 200..LIMIT-1.',
  'import java.io.OutputStream;',
  'import java.net.InetAddress;',
  'import java.net.InetSocketAddress;',
  'import java.net.Socket;',
  'import java.nio.charset.StandardCharsets;',
  'public class Probe {',
  '  public static void main(String[] args) {',
  '    try (Socket socket = new Socket()) {',
  '      socket.connect(new InetSocketAddress(InetAddress.getLocalHost().getHostName(), Integer.parseInt(args[0])), 4000);',
  '      socket.setSoTimeout(4000);',
  '      OutputStream out = socket.getOutputStream();',
  '      out.write(("GET " + args[1] + " HTTP/1.1\\r\\nHost: localhost\\r\\nUser-Agent: healthcheck\\r\\nConnection: close\\r\\n\\r\\n").getBytes(StandardCharsets.US_ASCII));',
  '      out.flush();',
  '      byte[] status = socket.getInputStream().readNBytes(12);',
  '      int code = Integer.parseInt(new String(status, 9, 3, StandardCharsets.US_ASCII));',
  '      System.exit(code >= 200 && code < Integer.parseInt(args[2]) ? 0 : 1);',
  '    } catch (Exception e) {',
  '      System.exit(1);',
  '    }',
  '  }',
  '}',
];

/** Each line as one single-quoted word of the probe stage's printf (the source has no single quote). */
export const probeWords = () =>
  PROBE_SOURCE.map((l) => {
    if (l.includes("'")) throw new Error('BUG: a single quote in the probe source');
    return `'${l}'`;
  });

/** The folder of Probe.class in the final image. */
export const PROBE_DIR = '/opt/healthcheck';
