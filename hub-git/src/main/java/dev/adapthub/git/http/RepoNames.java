package dev.adapthub.git.http;

/** Turns the path of a Git or LFS URL into the repository name handed to {@link RepositoryLookup}. */
final class RepoNames {
    private RepoNames() {
    }

    /** {@code /alice/model.git/} → {@code alice/model}; {@code alice/model} stays. */
    static String fromPath(String path) {
        String name = path == null ? "" : path;
        while (name.startsWith("/")) {
            name = name.substring(1);
        }
        while (name.endsWith("/")) {
            name = name.substring(0, name.length() - 1);
        }
        if (name.endsWith(".git")) {
            name = name.substring(0, name.length() - 4);
        }
        return name;
    }
}
