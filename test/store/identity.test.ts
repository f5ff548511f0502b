import { test } from "node:test";
import assert from "node:assert/strict";
import { attackId, identityOf } from "../../src/store/save.js";

test("a document's identity: channel post, Telegram link, URL, key", () => {
  assert.equal(identityOf({ channel: "KPSZSU", post_id: "78627" }), "post:kpszsu/78627");
  // The same post reached through its link (a gold file, a feed) or through the preview is one identity.
  assert.equal(identityOf({ url: "https://t.me/kpszsu/78627" }), "post:kpszsu/78627");
  assert.equal(identityOf({ url: "https://t.me/s/kpszsu/78627?single" }), "post:kpszsu/78627");
  assert.equal(identityOf({ url: "https://example.org/a" }), "url:https://example.org/a");
  assert.equal(identityOf({ key: "gold:x" }), "key:gold:x");
  assert.equal(identityOf({}), null);
  assert.equal(attackId("2025-07-04", "RU", "UA"), "2025-07-04.RU-UA");
});
