import compress from "@fastify/compress";
import type { FastifyInstance } from "fastify";

/**
 * Responses of 1 KB or more go compressed (br, gzip or deflate) to clients that ask: the region
 * boundaries are 748 KB of JSON and a whole timeline a third of that. Registered before the routes,
 * whose onSend hooks it joins after the app's own (ETag and micro-cache see the plain body).
 * Request bodies are read as sent: a compressed upload would only widen what a client can make the
 * server unpack.
 */
export async function registerCompression(app: FastifyInstance): Promise<void> {
  await app.register(compress, { threshold: 1024, globalDecompression: false });
}
