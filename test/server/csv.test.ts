import { test } from "node:test";
import assert from "node:assert/strict";
import { csvField, toCsv } from "../../src/server/csv.js";

test("RFC 4180 quoting: commas, quotes, line breaks; null is empty; lists joined with ;", () => {
  assert.equal(csvField("plain"), "plain");
  assert.equal(csvField('Sunny, "Kyiv"'), '"Sunny, ""Kyiv"""');
  assert.equal(csvField("two\nlines"), '"two\nlines"');
  assert.equal(csvField("cr\rhere"), '"cr\rhere"');
  assert.equal(csvField(null), "");
  assert.equal(csvField(undefined), "");
  assert.equal(csvField(0), "0");
  assert.equal(csvField(false), "false");
  assert.equal(csvField([3, 14]), "3;14");
  assert.equal(csvField("Харків"), "Харків");
});

test("a header row, then one CRLF-terminated line per row", () => {
  const cols = [
    { name: "id", value: (r: { id: number; note: string }) => r.id },
    { name: "note", value: (r: { id: number; note: string }) => r.note },
  ];
  assert.equal(toCsv(cols, [{ id: 1, note: "a,b" }, { id: 2, note: "" }]), 'id,note\r\n1,"a,b"\r\n2,\r\n');
  assert.equal(toCsv(cols, []), "id,note\r\n");
});
