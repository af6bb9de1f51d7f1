// Drives the real @huggingface/hub client against a running AdaptHub (HUB_URL, HF_TOKEN, REPO_NAME,
// FOREIGN_REPO: a public model of another account):
// whoAmI; createRepo with a license, then at once a download, a commit on top of the first commit
// and a pull request; a refused createRepo; deleteRepo (refused on someone else's repository);
// createCollection, listCollections, deleteCollection.
// Prints one JSON line with what it saw; exits non-zero on an unexpected failure.
import {
  createCollection, createRepo, deleteCollection, deleteFile, deleteRepo, downloadFile, fileExists, listCollections,
  uploadFile, whoAmI,
} from "@huggingface/hub";

const hubUrl = process.env.HUB_URL;
const accessToken = `hf_${process.env.HF_TOKEN}`;
const seen = {};

// Not the client's repoExists: it sends "expand[]" unencoded, which the hub's server refuses as a
// malformed query (a separate fix); the same question, asked as repoExists asks it otherwise.
async function repoExists({ repo }) {
  const res = await fetch(`${hubUrl}/api/${repo.type}s/${repo.name}`, {
    headers: { Authorization: `Bearer ${accessToken}` },
  });
  if (res.status === 404 || res.status === 401) {
    return false;
  }
  if (!res.ok) {
    throw new Error(`repo info answered ${res.status}`);
  }
  return true;
}

async function refusal(call) {
  try {
    await call();
    return { refused: false };
  } catch (e) {
    return { refused: true, status: e.statusCode ?? null, message: e.message };
  }
}

const me = await whoAmI({ hubUrl, accessToken });
seen.whoami = {
  name: me.name, type: me.type, id: me.id, fullname: me.fullname, emailVerified: me.emailVerified, isPro: me.isPro,
  canPay: me.canPay, avatarUrl: me.avatarUrl, periodEnd: me.periodEnd,
  orgs: me.orgs.map((o) => ({ name: o.name, type: o.type, roleInOrg: o.roleInOrg, id: o.id })),
  authType: me.auth.type, displayName: me.auth.accessToken?.displayName, role: me.auth.accessToken?.role,
  createdAtIsDate: me.auth.accessToken?.createdAt instanceof Date && !isNaN(me.auth.accessToken.createdAt),
};

// A repository starts as on the Hub: .gitattributes and a README with the license, on main.
const repo = { type: "model", name: `${me.name}/${process.env.REPO_NAME}` };
await createRepo({ repo, accessToken, hubUrl, license: "apache-2.0" });
seen.gitattributes = await (await downloadFile({ repo, path: ".gitattributes", accessToken, hubUrl })).text();
seen.readme = await (await downloadFile({ repo, path: "README.md", accessToken, hubUrl })).text();
const info = await (await fetch(`${hubUrl}/api/models/${repo.name}`, {
  headers: { Authorization: `Bearer ${accessToken}` },
})).json();
seen.firstCommit = info.sha;

// A commit that names the first commit as its parent, then a pull request against main.
const committed = await uploadFile({
  repo, accessToken, hubUrl, parentCommit: info.sha,
  file: { path: "configs/ascend-910b.yaml", content: new Blob(["apiVersion: adapthub/v1\n"]) },
});
seen.commitOid = committed?.commit?.oid ?? null;
const proposed = await uploadFile({
  repo, accessToken, hubUrl, isPullRequest: true,
  file: { path: "configs/cpu.yaml", content: new Blob(["apiVersion: adapthub/v1\n# cpu\n"]) },
});
seen.pullRequestUrl = proposed?.pullRequestUrl ?? null;
seen.configBack = await (await downloadFile({ repo, path: "configs/ascend-910b.yaml", accessToken, hubUrl })).text();
// deleteFile: an NDJSON commit with a deletedFile operation; fileExists then asks /raw/ with the token.
await deleteFile({ repo, path: "configs/ascend-910b.yaml", accessToken, hubUrl });
seen.deletedFileExists = await fileExists({ repo, path: "configs/ascend-910b.yaml", accessToken, hubUrl });
seen.readmeStillExists = await fileExists({ repo, path: "README.md", accessToken, hubUrl });

// Bad input is refused and creates nothing.
const badName = { type: "model", name: `${me.name}/${process.env.REPO_NAME}-bad` };
seen.badLicense = await refusal(() => createRepo({ repo: badName, accessToken, hubUrl, license: "Not A License!" }));
seen.badLicenseCreated = await repoExists({ repo: badName, accessToken, hubUrl });

// Someone else's repository cannot be deleted; one's own can, and is gone.
const foreign = { type: "model", name: process.env.FOREIGN_REPO };
seen.foreignDelete = await refusal(() => deleteRepo({ repo: foreign, accessToken, hubUrl }));
seen.foreignStillExists = await repoExists({ repo: foreign, accessToken, hubUrl });
seen.missingDelete = await refusal(() => deleteRepo({ repo: { type: "model", name: `${me.name}/never-was` },
  accessToken, hubUrl }));

// Collections: an adaptation kit with the model in it.
const { slug } = await createCollection({
  accessToken, hubUrl,
  collection: { title: "Ascend 910B kit", namespace: me.name, description: "Model and configs for one chip" },
});
seen.slug = slug;
const addItem = await fetch(`${hubUrl}/api/collections/${slug}/items`, {
  method: "POST",
  headers: { Authorization: `Bearer ${accessToken}`, "Content-Type": "application/json" },
  body: JSON.stringify({ item: { type: "model", id: repo.name }, note: "validated on 2 devices" }),
});
seen.addItemStatus = addItem.status;
seen.listedByOwner = [];
for await (const c of listCollections({ hubUrl, accessToken, search: { owner: [me.name] } })) {
  seen.listedByOwner.push({ slug: c.slug, title: c.title, owner: c.owner.name,
    items: c.items.map((i) => ({ id: i.id, type: i.type, note: i.note?.text })) });
}
seen.listedByItem = [];
for await (const c of listCollections({ hubUrl, search: { item: [`models/${repo.name}`] } })) {
  seen.listedByItem.push(c.slug);
}
seen.duplicateCollection = await refusal(() => createCollection({ accessToken, hubUrl,
  collection: { title: "Ascend 910B kit", namespace: me.name } }));

await deleteRepo({ repo, accessToken, hubUrl });
seen.deletedStillExists = await repoExists({ repo, accessToken, hubUrl });
seen.listedAfterRepoDeleted = [];
for await (const c of listCollections({ hubUrl, accessToken, search: { owner: [me.name] } })) {
  seen.listedAfterRepoDeleted.push({ slug: c.slug, items: c.items.length });
}
await deleteCollection({ slug, accessToken, hubUrl });
seen.listedAfterDelete = [];
for await (const c of listCollections({ hubUrl, accessToken, search: { owner: [me.name] } })) {
  seen.listedAfterDelete.push(c.slug);
}

console.log(JSON.stringify(seen));
