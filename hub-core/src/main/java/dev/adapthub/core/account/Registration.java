package dev.adapthub.core.account;

/** What a person types to create an account. Validated by {@link AccountService#register}. */
public record Registration(String name, String email, String password) {

    @Override
    public String toString() {
        return "Registration[name=" + name + ", email=" + email + "]";
    }
}
