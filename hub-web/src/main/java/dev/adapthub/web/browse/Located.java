package dev.adapthub.web.browse;

import dev.adapthub.core.repo.Repo;
import dev.adapthub.git.read.ResolvedRevision;

/**
 * A browse URL taken apart: the repository (already checked readable by the viewer), the
 * revision as written in the URL and the commit it names, and the decoded path after it
 * ("" for the root; not yet validated, {@link dev.adapthub.git.GitPaths} does that when reading).
 */
record Located(Repo repo, String revision, ResolvedRevision at, String path) {
}
