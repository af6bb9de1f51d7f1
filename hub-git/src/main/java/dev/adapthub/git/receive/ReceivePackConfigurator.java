package dev.adapthub.git.receive;

import dev.adapthub.git.GitInvalidInputException;
import dev.adapthub.git.refs.RefNames;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

import org.eclipse.jgit.lib.PersonIdent;
import org.eclipse.jgit.transport.ReceiveCommand;
import org.eclipse.jgit.transport.ReceivePack;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Applies the hub's push rules to a JGit {@link ReceivePack}, whatever the transport: object
 * checks on received data (no malformed trees, no names that {@link dev.adapthub.git.GitPaths}
 * refuses to create, such as {@code .git} in any spelling), size limits, the hub's
 * ref name rules, the {@link PushPolicy} as a pre-receive hook and the
 * {@link PostReceiveListener} as a post-receive hook.
 */
public final class ReceivePackConfigurator {
    private static final Logger LOG = LoggerFactory.getLogger(ReceivePackConfigurator.class);

    private final PushPolicy policy;
    private final PostReceiveListener listener;
    private final ReceiveSettings settings;

    public ReceivePackConfigurator(PushPolicy policy, PostReceiveListener listener, ReceiveSettings settings) {
        this.policy = Objects.requireNonNull(policy, "policy");
        this.listener = Objects.requireNonNull(listener, "listener");
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public void configure(ReceivePack rp, PushContext context) {
        // Replaces the default checker that setCheckReceivedObjects(true) would install: the
        // same format checks, plus the hub's path rule (GitPaths) on every pushed tree.
        rp.setObjectChecker(new PathRuleObjectChecker());
        rp.setMaxPackSizeLimit(settings.maxPackBytes());
        rp.setMaxObjectSizeLimit(settings.maxObjectBytes());
        rp.setRefLogIdent(new PersonIdent(context.user(), ""));
        rp.setPreReceiveHook((pack, commands) -> preReceive(pack, context, commands));
        rp.setPostReceiveHook((pack, commands) -> postReceive(pack, context, commands));
    }

    private void preReceive(ReceivePack rp, PushContext context, Collection<ReceiveCommand> commands) {
        for (ReceiveCommand cmd : commands) {
            if (cmd.getResult() != ReceiveCommand.Result.NOT_ATTEMPTED) {
                continue;
            }
            String refusal = refusal(context, cmd);
            if (refusal != null) {
                cmd.setResult(ReceiveCommand.Result.REJECTED_OTHER_REASON, refusal);
                // Also as a "remote:" line: some clients show only the short reason in the table.
                rp.sendMessage(refusal);
            }
        }
    }

    private String refusal(PushContext context, ReceiveCommand cmd) {
        try {
            RefNames.checkRefName(cmd.getRefName());
        } catch (GitInvalidInputException e) {
            return e.getMessage();
        }
        PushVerdict verdict = policy.check(context, cmd);
        return verdict.allowed() ? null : verdict.message();
    }

    private void postReceive(ReceivePack rp, PushContext context, Collection<ReceiveCommand> commands) {
        List<ReceiveCommand> applied = commands.stream()
                .filter(c -> c.getResult() == ReceiveCommand.Result.OK).toList();
        if (applied.isEmpty()) {
            return;
        }
        try {
            listener.onPushed(context, applied);
        } catch (RuntimeException e) {
            LOG.warn("post-receive listener failed for {} pushing to {}", context.user(), context.repository(), e);
            rp.sendMessage("warning: the push succeeded but the hub could not update its index yet");
        }
    }
}
