// Drives the real @huggingface/hub client against a running AdaptHub (HUB_URL, HF_TOKEN, REPO_NAME):
// create a repository, upload a 12 MiB file (through LFS) and a small one, list, download, compare;
// then the same for a binary file in a dataset.
// Prints one JSON line with what it saw; exits non-zero on the first failure.
import { createRepo, downloadFile, listFiles, uploadFiles, whoAmI } from "@huggingface/hub";
import { createHash, randomBytes } from "node:crypto";

const hubUrl = process.env.HUB_URL;
// The JS client insists on the "hf_" prefix; the hub accepts "hf_" + its own token.
const accessToken = `hf_${process.env.HF_TOKEN}`;
const sha256 = (bytes) => createHash("sha256").update(bytes).digest("hex");

const me = await whoAmI({ hubUrl, accessToken });
const repo = { type: "model", name: `${me.name}/${process.env.REPO_NAME}` };
await createRepo({ repo, accessToken, hubUrl });

const big = randomBytes(12 * 1024 * 1024);
const small = Buffer.from("# Uploaded by @huggingface/hub\n");
const uploadStart = performance.now();
const commit = await uploadFiles({
  repo, accessToken, hubUrl,
  files: [
    { path: "weights/big.bin", content: new Blob([big]) },
    { path: "README.md", content: new Blob([small]) },
  ],
});

const uploadMs = Math.round(performance.now() - uploadStart);

const listed = [];
for await (const entry of listFiles({ repo, accessToken, hubUrl, recursive: true })) {
  listed.push({ path: entry.path, type: entry.type, size: entry.size, lfs: entry.lfs?.oid ?? null });
}

const downloadStart = performance.now();
const bigBlob = await downloadFile({ repo, path: "weights/big.bin", accessToken, hubUrl });
const bigBack = Buffer.from(await bigBlob.arrayBuffer());
const downloadMs = Math.round(performance.now() - downloadStart);
const smallBlob = await downloadFile({ repo, path: "README.md", accessToken, hubUrl });
const smallBack = Buffer.from(await smallBlob.arrayBuffer());

// A dataset: its LFS batch URL has the datasets/ prefix; a small binary file goes through LFS too.
const dataset = { type: "dataset", name: `${me.name}/${process.env.REPO_NAME}-data` };
await createRepo({ repo: dataset, accessToken, hubUrl });
const rows = Buffer.concat([Buffer.from([0x50, 0x41, 0x52, 0x31, 0]), randomBytes(4096)]);
await uploadFiles({ repo: dataset, accessToken, hubUrl, files: [{ path: "data/train.parquet", content: new Blob([rows]) }] });
const rowsBlob = await downloadFile({ repo: dataset, path: "data/train.parquet", accessToken, hubUrl });
const rowsBack = Buffer.from(await rowsBlob.arrayBuffer());

console.log(JSON.stringify({
  user: me.name,
  commitOid: commit?.commit?.oid ?? null,
  listed,
  bigSha256: sha256(big),
  bigIdentical: bigBack.equals(big),
  smallIdentical: smallBack.equals(small),
  datasetIdentical: rowsBack.equals(rows),
  uploadMs,
  downloadMs,
}));
