package dev.adapthub.core.org;

import dev.adapthub.core.account.Account;

/** An organization's member as pages show it. */
public record Member(Account account, Role role) {
}
