package dev.adapthub.core.pull;

/**
 * One condition of the merge gate, in the gate's order.
 *
 * @param key stable name ({@code open}, {@code permission}, {@code draft}, {@code mergeable},
 *        {@code checks}, {@code approvals}, {@code changes-requested})
 * @param met whether it holds now
 * @param reason what holds, or what is missing and how to fix it
 */
public record GateCondition(String key, boolean met, String reason) {
}
