// Drives the real @huggingface/hub client's file, ref, history, listing and metadata calls against
// a running AdaptHub (HUB_URL, HF_TOKEN, REPO: owner/name of a public model the test built, OWNER).
// Prints one JSON line with what each call answered; exits non-zero on the first failure.
import {
  countCommits, createBranch, deleteBranch, downloadFile, fileDownloadInfo, fileExists, listCommits,
  listModels, modelInfo, parseSafetensorsMetadata, repoExists, uploadFiles,
} from "@huggingface/hub";

const hubUrl = process.env.HUB_URL;
const accessToken = `hf_${process.env.HF_TOKEN}`;
const repo = { type: "model", name: process.env.REPO };
const seen = {};

// GET /api/models/{id}?expand[]=likes: the brackets must pass Tomcat.
seen.repoExists = await repoExists({ repo, hubUrl });
seen.missingRepoExists = await repoExists({ repo: { type: "model", name: `${process.env.OWNER}/nope` }, hubUrl });

// HEAD /{id}/raw/main/{path}
seen.configExists = await fileExists({ repo, path: "config.json", hubUrl });
seen.missingExists = await fileExists({ repo, path: "missing.json", hubUrl });

// GET /{id}/raw/main/model.safetensors: the pointer file, not the weights.
const raw = await downloadFile({ repo, path: "model.safetensors", raw: true, hubUrl });
seen.rawPointer = await raw.text();

// GET /{id}/resolve/main/model.safetensors with Range: bytes=0-0 -> size from Content-Range, ETag.
const info = await fileDownloadInfo({ repo, path: "model.safetensors", hubUrl });
seen.downloadInfo = { size: info.size, etag: info.etag };
seen.missingInfo = await fileDownloadInfo({ repo, path: "missing.bin", hubUrl });

// fileExists(model.safetensors), then ranged reads of its header through downloadFile.
const parsed = await parseSafetensorsMetadata({ repo, hubUrl, computeParametersCount: true });
seen.safetensors = { sharded: parsed.sharded, parameterCount: parsed.parameterCount };

// GET /api/models/{id}/revision/HEAD?expand=…
const model = await modelInfo({ name: repo.name, hubUrl,
  additionalFields: ["config", "safetensors", "gguf", "sha", "cardData", "library_name", "filePaths"] });
seen.modelInfo = model;

// GET /api/models/{id}/commits/main?limit=… following Link, and X-Total-Count.
const titles = [];
for await (const c of listCommits({ repo, hubUrl, batchSize: 2 })) titles.push(c.title);
seen.commitTitles = titles;
seen.commitCount = await countCommits({ repo, hubUrl });

// POST and DELETE /api/models/{id}/branch/{branch}
await createBranch({ repo, branch: "ascend/tuning", revision: "main", accessToken, hubUrl });
const onBranch = [];
for await (const c of listCommits({ repo, revision: "ascend%2Ftuning", hubUrl })) onBranch.push(c.oid);
seen.branchCommits = onBranch.length;
try {
  await createBranch({ repo, branch: "ascend/tuning", accessToken, hubUrl });
  seen.duplicateBranch = "created twice";
} catch (e) {
  seen.duplicateBranch = e.statusCode;
}
await createBranch({ repo, branch: "scratch", empty: true, accessToken, hubUrl });
await deleteBranch({ repo, branch: "ascend/tuning", accessToken, hubUrl });
try {
  await deleteBranch({ repo, branch: "main", accessToken, hubUrl });
  seen.deleteMain = "deleted";
} catch (e) {
  seen.deleteMain = e.statusCode;
}

// GET /api/models?author=…&filter=license:…&filter=npu&pipeline_tag=…&expand=siblings&expand=safetensors
const listed = [];
for await (const m of listModels({ hubUrl, accessToken,
  search: { owner: process.env.OWNER, tags: ["license:apache-2.0", "npu"], task: "text-generation" },
  additionalFields: ["filePaths", "safetensors"] })) {
  listed.push({ name: m.name, task: m.task, filePaths: m.filePaths, safetensors: m.safetensors });
}
seen.listed = listed;
const none = [];
for await (const m of listModels({ hubUrl, search: { owner: process.env.OWNER, tags: ["license:mit"] } })) {
  none.push(m.name);
}
seen.listedMit = none;

// preupload: a small text .npy goes through LFS because the repository's .gitattributes says so.
const commit = await uploadFiles({ repo, accessToken, hubUrl,
  files: [{ path: "data/table.npy", content: new Blob(["just text, but *.npy is LFS here\n"]) }] });
seen.uploadCommit = commit?.commit?.oid ?? null;

console.log(JSON.stringify(seen));
