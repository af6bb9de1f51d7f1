/**
 * Domain events: small immutable records that the services publish (Spring's
 * {@code ApplicationEventPublisher}) where something security-relevant or state-changing happened.
 * This package depends on nothing else of the hub, so every feature may publish them and any
 * feature may consume them (the audit log, webhooks) without a dependency cycle.
 * <p>
 * Consumers that record a state change listen with {@code @TransactionalEventListener} so the
 * change and its record commit together (or the record is made at once where the action had no
 * transaction); failures (a refused sign-in or push) are recorded whatever happens to the
 * action's transaction.
 */
package dev.adapthub.core.event;
