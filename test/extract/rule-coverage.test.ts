import assert from "node:assert/strict";
import { dirname, join } from "node:path";
import { describe, it } from "node:test";
import { fileURLToPath } from "node:url";
import { PhraseCorpus } from "../../src/eval/phrases.js";
import { unexercised } from "../../src/eval/rule-coverage.js";
import { isKnownId } from "../../src/extract/rule-ids.js";

const corpus = new PhraseCorpus(join(dirname(fileURLToPath(import.meta.url)), "..", "..", "corpus"));

describe("rules and the phrase corpus", () => {
  const { exercised, missing } = unexercised(corpus);
  it("every rule and refiner is exercised by a phrase of corpus/ (npm run coverage:rules)", () => {
    assert.deepEqual(missing, []);
  });
  it("every id the engine writes is a declared rule or refiner", () => {
    assert.deepEqual([...exercised.keys()].filter((id) => !isKnownId(id)), []);
  });
});
