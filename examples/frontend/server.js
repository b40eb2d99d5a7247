// A tiny Node server around src/app.ts. `npm run dev`: Vite loads src/app.ts on each request
// (TypeScript without a build step, edits show on reload). `npm run build && npm start`: the
// bundled dist/app.js, without Vite.
//
// Environment: CMS_URL (the CMS's origin, default http://127.0.0.1:8000), PORT (default 3000;
// 0 picks a free one), HOST (default localhost).
import { createServer } from "node:http";

const cms = process.env.CMS_URL ?? "http://127.0.0.1:8000";
const port = Number(process.env.PORT ?? 3000);
const host = process.env.HOST ?? "localhost";

async function appLoader() {
  if (process.env.NODE_ENV === "production") {
    const app = await import("./dist/app.js");
    return () => app;
  }
  const { createServer: createViteServer } = await import("vite");
  const vite = await createViteServer({
    appType: "custom",
    logLevel: "warn",
    // No HMR socket: pages are plain HTML; reloading the page shows an edit.
    server: { middlewareMode: true, hmr: false, ws: false },
  });
  return () => vite.ssrLoadModule("/src/app.ts");
}

const loadApp = await appLoader();

const server = createServer(async (request, response) => {
  try {
    if (request.method !== "GET" && request.method !== "HEAD") {
      response.writeHead(405, { Allow: "GET, HEAD", "Content-Type": "text/plain; charset=utf-8" });
      response.end("Only GET and HEAD.\n");
      return;
    }
    const { handle } = await loadApp();
    const url = new URL(request.url ?? "/", "http://localhost"); // only its path and query count
    const answer = await handle(url, { cms });
    response.writeHead(answer.status, Object.fromEntries(answer.headers));
    response.end(request.method === "HEAD" ? undefined : Buffer.from(await answer.arrayBuffer()));
  } catch (error) {
    // Typically the CMS is not running at CMS_URL (fetch failed).
    console.error(error);
    response.writeHead(502, { "Content-Type": "text/plain; charset=utf-8" });
    response.end(`The CMS at ${cms} could not be reached or answered unexpectedly.\n`);
  }
});

server.listen(port, host, () => {
  const { port: bound } = server.address();
  console.log(`Frontend: http://${host}:${bound}/  (CMS_URL=${cms})`);
});
