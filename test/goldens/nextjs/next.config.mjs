/** @type {import('next').NextConfig} */
const nextConfig = {
  // The build writes .next/standalone: a server.js plus only the files it needs (a small image).
  output: 'standalone',
};

export default nextConfig;
