package dev.adapthub.git.receive;

import java.util.List;

import org.eclipse.jgit.transport.ReceiveCommand;

/**
 * Told after a push about the ref updates that were applied (e.g. to refresh the hub's metadata
 * index or start validation checks). The push has already succeeded: a listener that throws is
 * logged and the client sees a warning, but nothing is rolled back.
 */
@FunctionalInterface
public interface PostReceiveListener {

    /** @param applied commands with result OK, never empty */
    void onPushed(PushContext context, List<ReceiveCommand> applied);

    PostReceiveListener NONE = (context, applied) -> { };
}
