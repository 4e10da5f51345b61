export default function Home() {
  return (
    <main>
      <h1>nextjs-app</h1>
      <p>
        A minimal Next.js app written by generator-dockerize. Health: <a href="/health">/health</a>
      </p>
    </main>
  );
}
