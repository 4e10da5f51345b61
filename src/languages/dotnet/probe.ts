/**
 * The HEALTHCHECK's probe: the aspnet image has the .NET runtime but no curl
 * or wget. So the Dockerfile's probe stage writes this console program (base
 * class library only) and publishes it to /usr/local/lib/healthcheck, which
 * the image's own `dotnet` runs.
 *
 * healthcheck.dll PORT PATH LIMIT: GET PATH from the container's own host name
 * (not 127.0.0.1: an app listening on localhost only, which nothing outside
 * the container reaches, fails it), exit 0 on a status from 200 up to LIMIT
 * (redirects are not followed: a 3xx counts as an answer).
 */
export const PROBE_SOURCE: readonly string[] = [
  '// healthcheck PORT PATH LIMIT, written by generator-dockerize: exit 0 when GET PATH answers 200..LIMIT-1.',
  'using System;',
  'using System.Net;',
  'using System.Net.Http;',
  'using var client = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseProxy = false }) { Timeout = TimeSpan.FromSeconds(4) };',
  'try',
  '{',
  '    using var response = await client.GetAsync("http://" + Dns.GetHostName() + ":" + args[0] + args[1]);',
  '    var code = (int)response.StatusCode;',
  '    return code >= 200 && code < int.Parse(args[2]) ? 0 : 1;',
  '}',
  'catch (Exception)',
  '{',
  '    return 1;',
  '}',
];

/** The probe's project file, for the runtime line it runs on (net8.0, ...). */
export const probeProject = (line: string): readonly string[] => [
  '<Project Sdk="Microsoft.NET.Sdk">',
  '  <PropertyGroup>',
  '    <OutputType>Exe</OutputType>',
  `    <TargetFramework>net${line}</TargetFramework>`,
  '    <AssemblyName>healthcheck</AssemblyName>',
  '    <InvariantGlobalization>true</InvariantGlobalization>',
  '  </PropertyGroup>',
  '</Project>',
];

/** Each line as one single-quoted word of the probe stage's printf (the sources have no single quote). */
export const probeWords = (lines: readonly string[]) =>
  lines.map((l) => {
    if (l.includes("'")) throw new Error('BUG: a single quote in the probe source');
    return `'${l}'`;
  });

/** Where the final image keeps the probe, and the HEALTHCHECK that runs it. */
export const PROBE_DIR = '/usr/local/lib/healthcheck';
export const probeCommand = (port: number, path: string, anyResponse: boolean) => ['dotnet', `${PROBE_DIR}/healthcheck.dll`, String(port), path, anyResponse ? '500' : '400'];
