package dev.adapthub.git.receive;

import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Decides whether one ref update of a push may happen (branch protection, who may push to
 * {@code refs/pr/{n}}, tag rules). Called before any ref moves, once per command; the command's
 * {@link ReceiveCommand#getType() type} tells create / update / fast-forward or not / delete.
 * Rejected commands are reported to the git client with the verdict's message; the others
 * proceed (unless the client asked for an atomic push).
 */
@FunctionalInterface
public interface PushPolicy {

    PushVerdict check(PushContext context, ReceiveCommand command);

    /** Allows everything; for tests and single-user setups. */
    PushPolicy ALLOW_ALL = (context, command) -> PushVerdict.allow();
}
