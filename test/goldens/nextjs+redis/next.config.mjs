/** @type {import('next').NextConfig} */
const nextConfig = {
  // The build writes .next/standalone: a server.js plus only the files it needs (a small image).
  output: 'standalone',
  // Database clients stay plain Node.js packages instead of being bundled.
  serverExternalPackages: ['redis'],
};

export default nextConfig;
