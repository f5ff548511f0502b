import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { defineConfig } from "vite";

// The dashboard is served by `salvo serve` at `/`; during `vite dev` the API is proxied to a running server.
const root = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root,
  base: "./",
  publicDir: false,
  build: {
    outDir: "dist",
    emptyOutDir: true,
    target: "es2022",
    assetsInlineLimit: 0,
    reportCompressedSize: false,
    // The dashboard, and the embeddable pages that `salvo serve` answers at /embed/*.
    rollupOptions: {
      input: { main: join(root, "index.html"), embed: join(root, "embed.html") },
      // What both pages load (charts, map, the strip, the styles) is one chunk, named for what it is.
      output: { chunkFileNames: "assets/shared-[hash].js", assetFileNames: "assets/shared-[hash][extname]" },
    },
  },
  server: {
    proxy: { "/api": process.env.SALVO_API ?? "http://127.0.0.1:8080" },
  },
});
