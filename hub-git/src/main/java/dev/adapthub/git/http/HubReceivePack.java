package dev.adapthub.git.http;

import dev.adapthub.git.GitLockedException;

import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;

/**
 * JGit's receive-pack, except that a ref it could not update because a lock file was held
 * reports "the repository is busy; retry in a moment" to the pushing client. JGit's own text
 * ({@code lock error: Cannot lock /data/git/repos/ab/ab12….git/packed-refs}) would show the
 * server's data directory and the repository's storage id.
 */
final class HubReceivePack extends ReceivePack {

    HubReceivePack(Repository db) {
        super(db);
    }

    @Override
    protected void executeCommands() {
        super.executeCommands();
        String gitDir = getRepository().getDirectory().getAbsolutePath();
        for (ReceiveCommand cmd : getAllCommands()) {
            String message = cmd.getMessage();
            if (cmd.getResult() == ReceiveCommand.Result.REJECTED_OTHER_REASON && message != null
                    && (GitLockedException.isLockMessage(message) || message.contains(gitDir))) {
                cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, GitLockedException.MESSAGE);
            }
        }
    }
}
