package dev.adapthub.core.token;

import dev.adapthub.core.account.Account;

/** A token that was presented and accepted: who it speaks for and what it may do. */
public record TokenGrant(Account account, TokenScope scope, long tokenId) {
}
