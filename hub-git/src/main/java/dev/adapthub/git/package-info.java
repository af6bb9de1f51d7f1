/**
 * hub-git: bare Git repositories of the hub over JGit, without Spring or a database.
 * <ul>
 * <li>{@code store}: where repositories live ({@code RepositoryStore}, {@code RepoId}), and the lock
 * files a crash leaves, cleared when a repository is first opened;</li>
 * <li>{@code maintenance}: repacking into one pack with a bitmap ({@code Repacker});</li>
 * <li>{@code refs}: the single compare-and-swap ref writer ({@code RefUpdater}) and ref name rules;</li>
 * <li>{@code read}: revisions, trees, blobs, history, diffs, branches and tags;</li>
 * <li>{@code write}: commits built from file changes ({@code Commits});</li>
 * <li>{@code merge}: merge commit, squash and fast-forward merges for pull requests;</li>
 * <li>{@code lfs}: Git LFS pointers and the content-addressed object store;</li>
 * <li>{@code http}: smart HTTP ({@code GitServlet}), push policy hooks and the LFS servlet.</li>
 * </ul>
 * Every API method throws the checked {@link dev.adapthub.git.GitException} family.
 */
package dev.adapthub.git;
